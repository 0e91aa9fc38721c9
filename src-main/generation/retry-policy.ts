import type { TransportError } from '../network/transport-error';
import { isPermanentTransportFailure } from './api-errors';

/**
 * When to try again. A generation POST bills the user, so it is repeated only when it certainly did not reach
 * the server (the connection never opened) or when the server refused it unbilled (429) and said when to
 * come back. Downloads are free and repeat until they succeed, fail for good or run out of attempts.
 */
export interface RetryPolicy {
  /** Extra generation POSTs after the first. */
  generationRetries: number;
  /** First delay after a failed connection; doubles each time up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Used when a 429 carries no Retry-After. */
  defaultRetryAfterSeconds: number;
  /** A 429 asking to wait longer than this is shown to the user instead of waited out. */
  maxRetryAfterSeconds: number;
  /** Download attempts in all, the first included. */
  downloadAttempts: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  generationRetries: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 15_000,
  defaultRetryAfterSeconds: 5,
  maxRetryAfterSeconds: 120,
  downloadAttempts: 6,
};

export type AttemptFailure =
  { kind: 'transport'; error: TransportError } | { kind: 'http'; status: number; retryAfterSeconds?: number };

export function backoffDelay(retriesSoFar: number, policy: RetryPolicy): number {
  return Math.min(policy.baseDelayMs * 2 ** retriesSoFar, policy.maxDelayMs);
}

/** Milliseconds to wait before sending the generation again, or undefined when it must not be sent again. */
export function generationRetryDelay(
  failure: AttemptFailure,
  retriesSoFar: number,
  policy: RetryPolicy,
): number | undefined {
  if (retriesSoFar >= policy.generationRetries) return undefined;
  if (failure.kind === 'transport') {
    const refusedBeforeSending =
      failure.error.phase === 'connect' && !isPermanentTransportFailure(failure.error);
    return refusedBeforeSending ? backoffDelay(retriesSoFar, policy) : undefined;
  }
  if (failure.status !== 429) return undefined;
  const seconds = failure.retryAfterSeconds ?? policy.defaultRetryAfterSeconds;
  return seconds <= policy.maxRetryAfterSeconds ? seconds * 1000 : undefined;
}

/** Storage answers worth another download attempt; other 4xx mean the link itself is refused. */
export function isTransientStatus(status: number): boolean {
  return status >= 500 || status === 429 || status === 408;
}
