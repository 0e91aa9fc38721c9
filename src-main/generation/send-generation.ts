import { appError, AppFailure, type AppError } from '../../src-preload/contract/errors';
import { gatewayProfiles, type GatewayProfile } from '../../src-preload/contract/gateway-profiles';
import { readText, type HttpClient, type HttpResponse } from '../network/http-client';
import { TransportError } from '../network/transport-error';
import {
  mapApiFailure,
  mapTransportFailure,
  parseProviderError,
  parseRetryAfter,
  type StopCause,
} from './api-errors';
import { abortableSleep, type Sleep } from './download';
import { joinBaseUrl } from '../network/raw-url';
import {
  defaultRetryPolicy,
  generationRetryDelay,
  type AttemptFailure,
  type RetryPolicy,
} from './retry-policy';

export type SendEvent =
  /** A generation POST is about to go out; `attempt` counts from 1. */
  | { type: 'sending'; attempt: number }
  /** The request is on the server; generation takes from about 25 seconds to a few minutes. */
  | { type: 'waiting' }
  /** The POST will be sent again after `delayMs`; only when it certainly was not billed. */
  | { type: 'retrying'; attempt: number; reason: AppError; delayMs: number };

export interface SendOptions {
  http: HttpClient;
  baseUrl: string;
  apiKey: string;
  /** The gateway's profile: its generation path and its name in messages (CometAPI by default). */
  gateway?: GatewayProfile;
  signal?: AbortSignal;
  /** Limit for one POST and its answer; generations of many 4K images take minutes. */
  timeoutMs?: number;
  retryPolicy?: RetryPolicy;
  sleep?: Sleep;
  now?: () => number;
  /**
   * Awaited before each repeat of the POST, after the policy's own wait: the batch queue waits there for its
   * shared back-off and its request rate, so a 429 slows every item down together.
   */
  beforeRetry?: (signal?: AbortSignal) => Promise<void>;
}

const defaultGenerationTimeoutMs = 10 * 60_000;

/**
 * Sends the generation POST and resolves with its 2xx answer, unread. Sends it again only when it certainly
 * did not reach the server (see retry-policy.ts), or after a 429's wait; every other failure rejects with
 * `AppFailure`. `stopCause` tells later readers of the answer whether the user or the deadline stopped it.
 */
export async function sendGeneration(
  options: SendOptions,
  body: string[],
  emit: (event: SendEvent) => void,
): Promise<{ exchange: HttpResponse; stopCause: () => StopCause }> {
  const policy = options.retryPolicy ?? defaultRetryPolicy;
  const sleep = options.sleep ?? abortableSleep;
  const now = options.now ?? Date.now;
  const gateway = options.gateway ?? gatewayProfiles.cometapi;
  for (let attempt = 1; ; attempt += 1) {
    const deadline = AbortSignal.timeout(options.timeoutMs ?? defaultGenerationTimeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
    const stopCause = (): StopCause =>
      options.signal?.aborted ? 'cancelled' : deadline.aborted ? 'timeout' : undefined;
    emit({ type: 'sending', attempt });
    let failure: AttemptFailure;
    let error: AppError;
    try {
      const exchange = await options.http.send({
        url: joinBaseUrl(options.baseUrl, gateway.generationPath),
        method: 'POST',
        headers: {
          authorization: `Bearer ${options.apiKey}`,
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
        },
        body,
        signal,
        freshConnection: true,
        onSent: () => {
          emit({ type: 'waiting' });
        },
      });
      const status = exchange.status;
      if (status >= 200 && status < 300) return { exchange, stopCause };
      const retryAfterSeconds = parseRetryAfter(exchange.headers['retry-after'], now());
      const text = await readText(exchange);
      failure = { kind: 'http', status, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) };
      error = mapApiFailure(status, parseProviderError(text), retryAfterSeconds, gateway.label);
    } catch (caught) {
      if (!(caught instanceof TransportError)) throw caught;
      failure = { kind: 'transport', error: caught };
      error = mapTransportFailure(caught, stopCause());
    }
    const wait = stopCause() ? undefined : generationRetryDelay(failure, attempt - 1, policy);
    if (wait === undefined) throw new AppFailure(error);
    emit({ type: 'retrying', attempt: attempt + 1, reason: error, delayMs: wait });
    try {
      await sleep(wait, options.signal);
      await options.beforeRetry?.(options.signal);
    } catch {
      throw new AppFailure(appError('cancelled', 'Cancelled.'));
    }
  }
}
