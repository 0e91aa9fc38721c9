import { setTimeout as delay } from 'node:timers/promises';
import { appError, AppFailure, type AppError } from '../../src-preload/contract/errors';
import type { ExactSize } from '../../src-preload/contract/generation';
import { readText, type HttpClient, type HttpResponse } from '../network/http-client';
import { TransportError } from '../network/transport-error';
import { mapTransportFailure, parseProviderError } from './api-errors';
import { resolveLocation, splitRawUrl } from '../network/raw-url';
import { backoffDelay, defaultRetryPolicy, isTransientStatus, type RetryPolicy } from './retry-policy';
import { ImageFileWriter, type SavedImage } from '../media/image-file-writer';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const abortableSleep: Sleep = (ms, signal) => delay(ms, undefined, { signal });

export interface DownloadOptions {
  http: HttpClient;
  tmpDir: string;
  signal?: AbortSignal;
  /** When the signed link stops working (epoch milliseconds); no retry is attempted after it. */
  expiresAt?: number;
  /** The size the answer stated; a file of another size is refused. */
  statedSize?: ExactSize;
  retryPolicy?: RetryPolicy;
  /** A transfer that sends nothing for this long is dropped and retried. */
  idleTimeoutMs?: number;
  onRetry?: (attempt: number, reason: AppError, delayMs: number) => void;
  sleep?: Sleep;
  now?: () => number;
}

const defaultDownloadIdleTimeoutMs = 30_000;
const maxRedirects = 3;
const redirectStatuses = new Set([301, 302, 303, 307, 308]);

class AttemptFailure extends Error {
  readonly error: AppError;
  readonly transient: boolean;
  constructor(error: AppError, transient: boolean) {
    super(error.message);
    this.error = error;
    this.transient = transient;
  }
}

function statusFailure(status: number, body: string, expired: boolean): AttemptFailure {
  const storage = parseProviderError(body);
  if (status === 403 || storage.code === 'AccessDenied') {
    const message = expired
      ? 'The result link has expired (links last 24 hours), so this image can no longer be downloaded.'
      : 'The storage server refused the result link. It has expired or was altered on the way.';
    return new AttemptFailure(appError('link-expired', message), false);
  }
  if (isTransientStatus(status)) {
    return new AttemptFailure(
      appError('download-failed', `The storage server had a problem (HTTP ${status}).`),
      true,
    );
  }
  return new AttemptFailure(
    appError('download-failed', `The storage server cannot provide this image (HTTP ${status}).`),
    false,
  );
}

const refusedRedirect = (message: string) => new AttemptFailure(appError('download-failed', message), false);

/**
 * The next address of a redirect, refused when it would leave https for plain http (the image and the signed
 * link would cross the network readable by anyone) or when there have been too many.
 */
function redirectTarget(from: string, location: string, redirects: number): string {
  const next = resolveLocation(from, location);
  const target = next === undefined ? undefined : splitRawUrl(next);
  if (next === undefined || !target) {
    throw refusedRedirect('The storage server redirected the download to an address that is not http(s).');
  }
  if (splitRawUrl(from)?.protocol === 'https:' && target.protocol === 'http:') {
    throw refusedRedirect(
      `The storage server redirected the download from a secure address to an insecure http:// one on ${target.hostname}, which the app refuses.`,
    );
  }
  if (redirects >= maxRedirects) {
    throw refusedRedirect(`The storage server redirected the download more than ${maxRedirects} times.`);
  }
  return next;
}

async function saveBody(response: HttpResponse, options: DownloadOptions): Promise<SavedImage> {
  const writer = new ImageFileWriter(options.tmpDir);
  try {
    await response.consume((chunk) => writer.write(chunk));
  } catch (error) {
    await writer.discard();
    throw error;
  }
  return writer.finish(options.statedSize);
}

async function attemptDownload(url: string, options: DownloadOptions, expired: boolean): Promise<SavedImage> {
  try {
    let target = url;
    for (let redirects = 0; ; redirects += 1) {
      // Deliberately no Authorization header, here or after a redirect: the key belongs to the API host.
      const response = await options.http.send({
        url: target,
        method: 'GET',
        headers: { accept: 'image/*' },
        signal: options.signal,
        idleTimeoutMs: options.idleTimeoutMs ?? defaultDownloadIdleTimeoutMs,
      });
      const { status } = response;
      if (status === 200) return await saveBody(response, options);
      const body = await readText(response, 65_536);
      const location = response.headers.location;
      if (!redirectStatuses.has(status) || location === undefined) throw statusFailure(status, body, expired);
      target = redirectTarget(target, location, redirects);
    }
  } catch (error) {
    if (error instanceof AttemptFailure) throw error;
    if (options.signal?.aborted) throw new AppFailure(appError('cancelled', 'Cancelled.'));
    if (error instanceof TransportError) {
      const mapped = mapTransportFailure(error, undefined);
      const reason = mapped.code === 'bad-request' ? mapped : { ...mapped, code: 'download-failed' as const };
      throw new AttemptFailure(reason, mapped.code !== 'bad-request');
    }
    if (error instanceof AppFailure) {
      throw new AttemptFailure(error.appError, error.appError.code === 'invalid-image');
    }
    throw error;
  }
}

/**
 * Downloads one result link to a verified image file in `tmpDir`. The URL is sent exactly as received.
 * Retries with backoff while failures look temporary, the link has not expired and attempts remain; used by
 * the engine and by the library to resume downloads after a restart.
 */
export async function downloadResult(url: string, options: DownloadOptions): Promise<SavedImage> {
  const policy = options.retryPolicy ?? defaultRetryPolicy;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  for (let attempt = 1; ; attempt += 1) {
    const expired = options.expiresAt !== undefined && now() >= options.expiresAt;
    try {
      return await attemptDownload(url, options, expired);
    } catch (error) {
      if (!(error instanceof AttemptFailure)) throw error;
      const expiredNow = options.expiresAt !== undefined && now() >= options.expiresAt;
      if (error.transient && expiredNow) {
        throw new AppFailure(
          appError('link-expired', 'The result link expired before the image could be downloaded.'),
        );
      }
      if (!error.transient || attempt >= policy.downloadAttempts) throw new AppFailure(error.error);
      const wait = backoffDelay(attempt - 1, policy);
      options.onRetry?.(attempt + 1, error.error, wait);
      try {
        await sleep(wait, options.signal);
      } catch {
        throw new AppFailure(appError('cancelled', 'Cancelled.'));
      }
    }
  }
}
