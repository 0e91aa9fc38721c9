import { appError, AppFailure, type AppError } from '../../src-preload/contract/errors';
import type { ExactSize, GenerationRequest } from '../../src-preload/contract/generation';
import type { Usage } from '../../src-preload/contract/library-types';
import { modelCatalogue, type ModelInfo } from '../../src-preload/contract/models';
import {
  mapApiFailure,
  mapItemFailure,
  mapStreamFailure,
  mapTransportFailure,
  parseProviderError,
  parseRetryAfter,
  type StopCause,
} from './api-errors';
import { readAnswer, type AnswerEvent } from './answer-reader';
import { readText, type HttpClient, type HttpResponse } from '../network/http-client';
import { TransportError } from '../network/transport-error';
import { abortableSleep, downloadResult, type Sleep } from './download';
import { joinBaseUrl } from './raw-url';
import { redactKey } from './redact-key';
import { buildRequestParams, encodeRequestBody } from './request-body';
import { checkRequest } from './request-check';
import {
  defaultRetryPolicy,
  generationRetryDelay,
  type AttemptFailure,
  type RetryPolicy,
} from './retry-policy';
import type { SavedImage } from '../media/image-file-writer';

export type { SavedImage } from '../media/image-file-writer';
export { downloadResult } from './download';

export type EngineEvent =
  /** A generation POST is about to go out; `attempt` counts from 1. */
  | { type: 'sending'; attempt: number }
  /** The request is on the server; generation takes from about 25 seconds to a few minutes. */
  | { type: 'waiting' }
  /** The POST will be sent again after `delayMs`; only when it certainly was not billed. */
  | { type: 'retrying'; attempt: number; reason: AppError; delayMs: number }
  /** Announced before its download starts, so the link can be recorded durably first. */
  | { type: 'result-url'; index: number; url: string; size: ExactSize | null; expiresAt: number }
  | { type: 'download-retrying'; index: number; attempt: number; reason: AppError; delayMs: number }
  | { type: 'image-saved'; index: number; image: SavedImage }
  | { type: 'image-failed'; index: number; error: AppError }
  | { type: 'usage'; usage: Usage };

export type ImageSlotOutcome = { index: number; image: SavedImage } | { index: number; error: AppError };

export interface GenerationOutcome {
  /** The model ID that was sent. */
  model: string;
  /** The model the answer named, when it named one. */
  reportedModel: string | null;
  /** Unix seconds, from the answer when it gave them. */
  created: number;
  /** Exactly the fields sent, minus reference images. */
  params: Record<string, unknown>;
  /** In index order; a slot that failed carries its own error. */
  images: ImageSlotOutcome[];
  usage: Usage | null;
  /** Set when a streamed answer stopped early: the images before the break are kept. */
  interrupted: AppError | null;
}

export interface RunGenerationOptions {
  /** The one client everything that leaves the machine goes through (proxy, trust store, pools). */
  http: HttpClient;
  baseUrl: string;
  apiKey: string;
  request: GenerationRequest;
  /** `data:image/<fmt>;base64,...` URIs prepared by `prepareReference`. */
  references: readonly string[];
  tmpDir: string;
  signal?: AbortSignal;
  onEvent?: (event: EngineEvent) => void;
  /** Limit for one POST and its answer; generations of many 4K images take minutes. */
  timeoutMs?: number;
  catalogue?: readonly ModelInfo[];
  retryPolicy?: RetryPolicy;
  downloadConcurrency?: number;
  downloadIdleTimeoutMs?: number;
  sleep?: Sleep;
  now?: () => number;
}

const defaultGenerationTimeoutMs = 10 * 60_000;
/** A sequence has at most 15 images, so every download of a generation runs at once. */
const defaultDownloadConcurrency = 15;
/** Result links are documented as valid for 24 hours from creation. */
const resultLinkLifetimeMs = 24 * 60 * 60_000;

const generationPath = '/v1/images/generations';

/** Refuses a key that cannot be sent, before anything is recorded or sent. */
export function checkKey(apiKey: string): void {
  if (apiKey.trim() === '') {
    throw new AppFailure(appError('key-missing', 'No API key is set. Add one in Settings.'));
  }
  if (Array.from(apiKey).some((char) => char.charCodeAt(0) <= 0x20 || char.charCodeAt(0) === 0x7f)) {
    throw new AppFailure(
      appError('key-rejected', 'The API key contains spaces or line breaks. Paste it again.'),
    );
  }
}

function createLimiter(concurrency: number) {
  let active = 0;
  const queue: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= concurrency) await new Promise<void>((resolve) => queue.push(resolve));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      queue.shift()?.();
    }
  };
}

async function postGeneration(
  options: RunGenerationOptions,
  body: string[],
  emit: (e: EngineEvent) => void,
): Promise<{ exchange: HttpResponse; stopCause: () => StopCause }> {
  const policy = options.retryPolicy ?? defaultRetryPolicy;
  const sleep = options.sleep ?? abortableSleep;
  const now = options.now ?? Date.now;
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
        url: joinBaseUrl(options.baseUrl, generationPath),
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
      error = mapApiFailure(status, parseProviderError(text), retryAfterSeconds);
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
    } catch {
      throw new AppFailure(appError('cancelled', 'Cancelled.'));
    }
  }
}

/**
 * Sends one generation and brings every image home: URL results are announced and then downloaded in
 * parallel, base64 results are decoded straight to disk, each file verified. Never re-sends a POST that may
 * have reached the server. Rejects with `AppFailure` (validation, key, HTTP, network, cancel); partial
 * failures of single images are reported per slot instead.
 */
export async function runGeneration(options: RunGenerationOptions): Promise<GenerationOutcome> {
  const emit = (event: EngineEvent): void => {
    if (!options.onEvent) return;
    if (event.type === 'image-failed')
      options.onEvent({ ...event, error: redactKey(event.error, options.apiKey) });
    else if (event.type === 'retrying' || event.type === 'download-retrying') {
      options.onEvent({ ...event, reason: redactKey(event.reason, options.apiKey) });
    } else options.onEvent(event);
  };
  try {
    return await generate(options, emit);
  } catch (error) {
    if (error instanceof AppFailure) throw new AppFailure(redactKey(error.appError, options.apiKey));
    throw error;
  }
}

async function generate(
  options: RunGenerationOptions,
  emit: (event: EngineEvent) => void,
): Promise<GenerationOutcome> {
  const model = checkRequest(options.request, options.references.length, options.catalogue ?? modelCatalogue);
  checkKey(options.apiKey);
  const now = options.now ?? Date.now;
  const params = buildRequestParams(options.request, model);
  const { exchange, stopCause } = await postGeneration(
    options,
    encodeRequestBody(params, options.references),
    emit,
  );

  const slots = new Map<number, ImageSlotOutcome>();
  const tasks: Promise<void>[] = [];
  const limit = createLimiter(options.downloadConcurrency ?? defaultDownloadConcurrency);
  // Filled in by answer events as they arrive.
  const answer: {
    created?: number;
    reportedModel: string | null;
    usage: Usage | null;
    interrupted: AppError | null;
  } = {
    reportedModel: null,
    usage: null,
    interrupted: null,
  };

  const settle = (index: number, work: Promise<SavedImage>): void => {
    tasks.push(
      work.then(
        (image) => {
          slots.set(index, { index, image });
          emit({ type: 'image-saved', index, image });
        },
        (error: unknown) => {
          if (!(error instanceof AppFailure)) throw error;
          slots.set(index, { index, error: error.appError });
          emit({ type: 'image-failed', index, error: error.appError });
        },
      ),
    );
  };

  const onAnswer = (event: AnswerEvent): void => {
    switch (event.kind) {
      case 'meta':
        answer.created ??= event.created;
        answer.reportedModel ??= event.model ?? null;
        return;
      case 'usage':
        answer.usage = event.usage;
        emit({ type: 'usage', usage: event.usage });
        return;
      case 'stream-error':
        answer.interrupted = mapStreamFailure(event.error);
        return;
      case 'item-error': {
        const error = mapItemFailure(event.error);
        slots.set(event.index, { index: event.index, error });
        emit({ type: 'image-failed', index: event.index, error });
        return;
      }
      case 'file':
        settle(event.index, event.writer.finish(event.size));
        return;
      case 'url': {
        const expiresAt = (answer.created ?? Math.floor(now() / 1000)) * 1000 + resultLinkLifetimeMs;
        emit({ type: 'result-url', index: event.index, url: event.url, size: event.size ?? null, expiresAt });
        const index = event.index;
        settle(
          index,
          limit(() =>
            downloadResult(event.url, {
              http: options.http,
              tmpDir: options.tmpDir,
              signal: options.signal,
              expiresAt,
              statedSize: event.size,
              retryPolicy: options.retryPolicy,
              idleTimeoutMs: options.downloadIdleTimeoutMs,
              sleep: options.sleep,
              now,
              onRetry: (attempt, reason, delayMs) => {
                emit({ type: 'download-retrying', index, attempt, reason, delayMs });
              },
            }),
          ),
        );
        return;
      }
    }
  };

  let readFailure: Error | undefined;
  let summary = { streamed: false, complete: true };
  try {
    summary = await readAnswer(exchange, options.tmpDir, onAnswer);
  } catch (error) {
    readFailure = error instanceof Error ? error : new Error(String(error));
  }
  await Promise.all(tasks);
  if (options.signal?.aborted) throw new AppFailure(appError('cancelled', 'Cancelled.'));
  if (readFailure) {
    if (!(readFailure instanceof TransportError)) throw readFailure;
    const failure = mapTransportFailure(readFailure, stopCause());
    if (slots.size === 0) throw new AppFailure(failure);
    answer.interrupted = failure;
  } else if (summary.streamed && !summary.complete && !answer.interrupted) {
    answer.interrupted = appError(
      'connection-lost',
      'The answer ended before the service said the generation was complete.',
    );
  }
  if (slots.size === 0) {
    throw new AppFailure(
      answer.interrupted ??
        appError('server-error', 'The service answered without any image. Try again later.'),
    );
  }
  return {
    model: model.id,
    reportedModel: answer.reportedModel,
    created: answer.created ?? Math.floor(now() / 1000),
    params,
    images: [...slots.values()].sort((a, b) => a.index - b.index),
    usage: answer.usage,
    interrupted: answer.interrupted ? redactKey(answer.interrupted, options.apiKey) : null,
  };
}
