import { appError, AppFailure, type AppError } from '../../src-preload/contract/errors';
import type { ExactSize, GenerationRequest } from '../../src-preload/contract/generation';
import { gatewayProfiles, type GatewayProfile } from '../../src-preload/contract/gateway-profiles';
import type { Usage } from '../../src-preload/contract/library-types';
import { modelCatalogue, type ModelInfo } from '../../src-preload/contract/models';
import type { SavedImage } from '../media/image-file-writer';
import type { HttpClient } from '../network/http-client';
import { TransportError } from '../network/transport-error';
import { mapItemFailure, mapStreamFailure, mapTransportFailure } from './api-errors';
import { readAnswer, type AnswerEvent } from './answer-reader';
import { downloadResult, type Sleep } from './download';
import { redactKey } from './redact-key';
import { buildRequestParams, encodeRequestBody } from './request-body';
import { checkKey, checkRequest } from './request-check';
import type { RetryPolicy } from './retry-policy';
import { sendGeneration, type SendEvent } from './send-generation';

export type EngineEvent =
  | SendEvent
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
  /** Which gateway `baseUrl` is: the model id and path it takes (CometAPI by default). */
  gateway?: GatewayProfile;
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
  /** See `SendOptions.beforeRetry`. */
  beforeRetry?: (signal?: AbortSignal) => Promise<void>;
}

/** A sequence has at most 15 images, so every download of a generation runs at once. */
const defaultDownloadConcurrency = 15;
/** Result links are documented as valid for 24 hours from creation. */
const resultLinkLifetimeMs = 24 * 60 * 60_000;

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
  const gateway = options.gateway ?? gatewayProfiles.cometapi;
  const params = buildRequestParams(options.request, model, model.ids[gateway.modelIdsOf] ?? model.id);
  const { exchange, stopCause } = await sendGeneration(
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
