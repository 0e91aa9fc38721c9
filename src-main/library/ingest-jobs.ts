import { readFile } from 'node:fs/promises';
import { AppFailure, appError, type AppError } from '../../src-preload/contract/errors';
import { requestedImageCount, type GenerationRequest } from '../../src-preload/contract/generation';
import type {
  JobSlot as ContractJobSlot,
  JobSnapshot as ContractJobSnapshot,
} from '../../src-preload/contract/ipc';
import { modelCatalogue, type ModelInfo } from '../../src-preload/contract/models';
import {
  checkKey,
  type EngineEvent,
  type GenerationOutcome,
  type RunGenerationOptions,
} from '../generation/engine';
import type { HttpClient } from '../network/http-client';
import { referenceDataUri } from '../generation/references';
import { buildRequestParams } from '../generation/request-body';
import { checkRequest } from '../generation/request-check';
import type { Logger } from '../logging/logger';
import type { GenerationStore } from './generation-store';
import type { ImageStore } from './image-store';
import type { ImageRecord } from './records';
import type { WriteContext } from './write-context';

export type { JobPhase } from '../../src-preload/contract/ipc';

/** A slot of a job as the contract has it, with the library's record where the renderer's image goes. */
export type JobSlot = Omit<ContractJobSlot, 'image'> & { image: ImageRecord | null };

/** The whole state of one job, sent after every change so that a missed event cannot leave a view behind. */
export type JobSnapshot = Omit<ContractJobSnapshot, 'slots'> & { slots: JobSlot[] };

export type RunGeneration = (options: RunGenerationOptions) => Promise<GenerationOutcome>;

export interface GenerationJobsDeps {
  context: WriteContext;
  generations: GenerationStore;
  imageStore: ImageStore;
  /** Reads a reference image's stored file. */
  referenceFile(imageId: number): { path: string; format: ImageRecord['format'] } | undefined;
  run: RunGeneration;
  http: HttpClient;
  /** Asked at the start of every job, so a key changed in Settings applies to the next one. */
  connection: () => Promise<{ baseUrl: string; apiKey: string }>;
  catalogue?: readonly ModelInfo[];
  /** Recorded as the owner of running generations; another process resumes them only once it is gone. */
  pid?: number;
  /** Unexpected failures go here with their stack; the user sees the snapshot's readable error. */
  log: Logger;
}

export interface GenerationJobs {
  /**
   * Validates, records the generation (before anything is sent) and starts it. Resolves with the first
   * snapshot once the record is durable; progress follows through `subscribe`.
   */
  start(request: GenerationRequest, referenceIds: readonly number[]): Promise<JobSnapshot>;
  cancel(jobId: string): boolean;
  /** Jobs of this session, newest first, finished ones included. */
  list(): JobSnapshot[];
  /** Resolves with the final snapshot. */
  finished(jobId: string): Promise<JobSnapshot>;
  subscribe(listener: (snapshot: JobSnapshot) => void): () => void;
}

interface Job {
  snapshot: JobSnapshot;
  controller: AbortController;
  done: Promise<JobSnapshot>;
}

/** The user's side of a failure; the log's side keeps the stack of anything unexpected. */
function asAppError(error: unknown, log: Logger, context: string): AppError {
  if (error instanceof AppFailure) {
    log.warn(`${context}: ${error.appError.code}: ${error.appError.message}`);
    return error.appError;
  }
  log.error(`${context}: unexpected failure`, error);
  return appError('internal', 'Something went wrong while generating. Details are in the log.');
}

export function createGenerationJobs(deps: GenerationJobsDeps): GenerationJobs {
  const { context, generations, imageStore } = deps;
  const catalogue = deps.catalogue ?? modelCatalogue;
  const jobs = new Map<string, Job>();
  const listeners = new Set<(snapshot: JobSnapshot) => void>();

  const publish = (snapshot: JobSnapshot) => {
    const copy = structuredClone(snapshot);
    for (const listener of listeners) listener(copy);
  };

  const slot = (snapshot: JobSnapshot, index: number): JobSlot => {
    let found = snapshot.slots.find((candidate) => candidate.index === index);
    if (!found) {
      found = { index, state: 'pending', image: null, error: null };
      snapshot.slots.push(found);
      snapshot.slots.sort((a, b) => a.index - b.index);
    }
    return found;
  };

  async function referenceUris(referenceIds: readonly number[]): Promise<string[]> {
    const uris: string[] = [];
    for (const id of referenceIds) {
      const file = deps.referenceFile(id);
      if (!file)
        throw new AppFailure(appError('not-found', 'A reference image is no longer in the library.'));
      const bytes = await readFile(file.path).catch(() => {
        throw new AppFailure(
          appError('not-found', 'The file of a reference image is missing from the library.'),
        );
      });
      uris.push(referenceDataUri({ data: bytes, format: file.format }));
    }
    return uris;
  }

  async function run(
    snapshot: JobSnapshot,
    signal: AbortSignal,
    references: string[],
    connection: { baseUrl: string; apiKey: string },
  ): Promise<void> {
    const id = snapshot.generationId;
    const stores: Promise<void>[] = [];

    const onEvent = (event: EngineEvent) => {
      switch (event.type) {
        case 'sending':
          snapshot.phase = 'sending';
          break;
        case 'waiting':
          snapshot.phase = 'generating';
          snapshot.retry = null;
          break;
        case 'retrying':
          snapshot.retry = { attempt: event.attempt, delayMs: event.delayMs, reason: event.reason };
          break;
        case 'result-url':
          // Durable before the download starts: a crash from here on can still fetch the image at next start.
          generations.recordResultUrl(id, event.index, event.url, event.expiresAt);
          snapshot.phase = 'downloading';
          slot(snapshot, event.index).state = 'downloading';
          break;
        case 'download-retrying':
          break;
        case 'image-saved': {
          const target = slot(snapshot, event.index);
          stores.push(
            imageStore.store({ generationId: id, position: event.index }, event.image).then(
              (stored) => {
                target.state = 'saved';
                target.image = stored.image;
                publish(snapshot);
              },
              (error: unknown) => {
                const reason = asAppError(error, deps.log, `generation ${id} image ${event.index}`);
                generations.recordSlotFailure(id, event.index, reason);
                target.state = 'failed';
                target.error = reason;
                publish(snapshot);
              },
            ),
          );
          break;
        }
        case 'image-failed': {
          generations.recordSlotFailure(id, event.index, event.error);
          const target = slot(snapshot, event.index);
          target.state = 'failed';
          target.error = event.error;
          break;
        }
        case 'usage':
          generations.recordUsage(id, event.usage);
          snapshot.usage = event.usage;
          break;
      }
      publish(snapshot);
    };

    let outcome: GenerationOutcome | undefined;
    let failure: AppError | null = null;
    try {
      outcome = await deps.run({
        http: deps.http,
        baseUrl: connection.baseUrl,
        apiKey: connection.apiKey,
        request: snapshot.request,
        references,
        tmpDir: context.tmpDir,
        signal,
        onEvent,
        catalogue,
      });
    } catch (error) {
      failure = asAppError(error, deps.log, `generation ${id}`);
    }
    await Promise.all(stores);

    const cancelled = signal.aborted;
    // Slots never announced were simply not produced (a sequence may stop early); announced ones that did not
    // arrive failed.
    snapshot.slots = snapshot.slots.filter((candidate) => candidate.state !== 'pending');
    for (const open of snapshot.slots.filter((candidate) => candidate.state === 'downloading')) {
      const reason = cancelled
        ? appError('cancelled', 'Cancelled before this image was saved.')
        : (failure ?? appError('download-failed', 'The image did not arrive.'));
      generations.recordSlotFailure(id, open.index, reason);
      open.state = 'failed';
      open.error = reason;
    }
    const saved = snapshot.slots.filter((candidate) => candidate.state === 'saved').length;
    if (outcome?.usage) snapshot.usage = outcome.usage;
    const error = failure ?? outcome?.interrupted ?? null;
    const someFailed = snapshot.slots.some((candidate) => candidate.state === 'failed');
    let status: 'cancelled' | 'failed' | 'partial' | 'succeeded' = 'succeeded';
    if (cancelled) status = 'cancelled';
    else if (saved === 0) status = 'failed';
    else if (someFailed || error) status = 'partial';
    generations.finish(id, { status, usage: snapshot.usage, error });
    deps.log.info(`generation ${id} ${status}: ${saved} of ${snapshot.expected} saved`);
    snapshot.phase = status === 'cancelled' || status === 'failed' ? status : 'done';
    snapshot.error = error;
    snapshot.retry = null;
    snapshot.finishedAt = context.now();
    if (outcome?.reportedModel && outcome.reportedModel !== outcome.model) {
      snapshot.notices.push(`The service reports the images were made by ${outcome.reportedModel}.`);
    }
  }

  /** Never rejects: whatever goes wrong ends up in the snapshot, which is what every caller reads. */
  async function settle(
    snapshot: JobSnapshot,
    signal: AbortSignal,
    references: string[],
    connection: { baseUrl: string; apiKey: string },
  ): Promise<JobSnapshot> {
    try {
      await run(snapshot, signal, references, connection);
    } catch (error) {
      snapshot.phase = 'failed';
      snapshot.error = asAppError(error, deps.log, `job ${snapshot.jobId}`);
      snapshot.finishedAt = context.now();
    }
    publish(snapshot);
    return structuredClone(snapshot);
  }

  return {
    async start(request, referenceIds) {
      const model = checkRequest(request, referenceIds.length, catalogue);
      const connection = await deps.connection();
      checkKey(connection.apiKey);
      const references = await referenceUris(referenceIds);
      const expected = requestedImageCount(model, request);
      const generationId = generations.create({
        kind: 'api',
        prompt: request.prompt,
        model: model.id,
        params: buildRequestParams(request, model),
        requestedImages: expected,
        referenceIds,
        ownerPid: deps.pid ?? process.pid,
      });
      const snapshot: JobSnapshot = {
        jobId: String(generationId),
        generationId,
        startedAt: context.now(),
        finishedAt: null,
        request,
        referenceIds: [...referenceIds],
        phase: 'sending',
        expected,
        slots: Array.from({ length: expected }, (_, index) => ({
          index,
          state: 'pending',
          image: null,
          error: null,
        })),
        usage: null,
        error: null,
        retry: null,
        notices: [],
      };
      const controller = new AbortController();
      const job: Job = {
        snapshot,
        controller,
        done: settle(snapshot, controller.signal, references, connection),
      };
      jobs.set(snapshot.jobId, job);
      publish(snapshot);
      return structuredClone(snapshot);
    },
    cancel(jobId) {
      const job = jobs.get(jobId);
      if (!job || job.snapshot.finishedAt !== null) return false;
      job.controller.abort();
      return true;
    },
    list() {
      return [...jobs.values()].map((job) => structuredClone(job.snapshot)).reverse();
    },
    finished(jobId) {
      const job = jobs.get(jobId);
      if (!job)
        return Promise.reject(new AppFailure(appError('not-found', 'That generation job is not known.')));
      return job.done;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
