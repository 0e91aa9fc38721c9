import { describe, expect, it } from 'vitest';
import { TransportError } from '../../src-main/network/transport-error';
import {
  backoffDelay,
  defaultRetryPolicy,
  generationRetryDelay,
} from '../../src-main/generation/retry-policy';

const policy = defaultRetryPolicy;
const transport = (phase: 'connect' | 'sent', code: string) =>
  ({ kind: 'transport', error: new TransportError(phase, code, 'h') }) as const;

describe('generationRetryDelay', () => {
  it('retries only failures that cannot have reached the server', () => {
    expect(generationRetryDelay(transport('connect', 'ECONNREFUSED'), 0, policy)).toBe(1000);
    expect(generationRetryDelay(transport('connect', 'ENOTFOUND'), 1, policy)).toBe(2000);
    expect(generationRetryDelay(transport('sent', 'ECONNRESET'), 0, policy)).toBeUndefined();
    expect(generationRetryDelay(transport('sent', 'TRUNCATED'), 0, policy)).toBeUndefined();
    expect(generationRetryDelay(transport('connect', 'INVALID_URL'), 0, policy)).toBeUndefined();
  });

  it('retries a 429 after Retry-After, within limits, and no other status', () => {
    expect(generationRetryDelay({ kind: 'http', status: 429, retryAfterSeconds: 3 }, 0, policy)).toBe(3000);
    expect(generationRetryDelay({ kind: 'http', status: 429 }, 0, policy)).toBe(5000);
    expect(
      generationRetryDelay({ kind: 'http', status: 429, retryAfterSeconds: 600 }, 0, policy),
    ).toBeUndefined();
    for (const status of [400, 401, 402, 403, 500, 502, 503]) {
      expect(generationRetryDelay({ kind: 'http', status }, 0, policy)).toBeUndefined();
    }
  });

  it('stops after the retry budget', () => {
    const refused = transport('connect', 'ECONNREFUSED');
    expect(generationRetryDelay(refused, policy.generationRetries - 1, policy)).toBeDefined();
    expect(generationRetryDelay(refused, policy.generationRetries, policy)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  it('doubles up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy))).toEqual([
      1000, 2000, 4000, 8000, 15000, 15000,
    ]);
  });
});
