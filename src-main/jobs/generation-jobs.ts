import { AppFailure, appError, type AppError } from '../../src-preload/contract/errors';
import { requestedImageCount, type GenerationRequest } from '../../src-preload/contract/generation';
import { gatewayProfiles, type GatewayProfile } from '../../src-preload/contract/gateway-profiles';
import { offerFor, offeredIds, type ModelOffer } from '../../src-preload/contract/model-offer';
import { modelCatalogue, type ModelInfo, type Price } from '../../src-preload/contract/models';
import { estimateCost, generationCost, type Money } from '../../src-preload/contract/pricing';
import {
  runGeneration,
  type EngineEvent,
  type GenerationOutcome,
  type RunGenerationOptions,
} from '../generation/run-generation';
import { buildRequestParams } from '../generation/request-body';
import { checkKey, checkRequest } from '../generation/request-check';
import type { LedgerQueries } from '../library/ledger-queries';
import type { Library } from '../library/library';
import type { Logger } from '../logging/logger';
import { enforceBudgets, type Budgets } from '../money/budget';
import type { HttpClient } from '../network/http-client';
import { asAppError } from './job-error';
import { referenceUris } from './reference-uris';
import { failSlot, jobEnding, newJobSnapshot, slotAt, type JobSnapshot } from './job-snapshot';

export type { JobPhase, JobSlot, JobSnapshot } from './job-snapshot';

export type RunGeneration = (options: RunGenerationOptions) => Promise<GenerationOutcome>;

/** What jobs write into: the generation records, the image store, and the reference images' files. */
export type JobLibrary = Pick<Library, 'context' | 'generations' | 'imageStore' | 'images' | 'filePath'>;

/** A gateway, the key that belongs to it, and its profile (CometAPI when not given). */
export interface JobConnection {
  baseUrl: string;
  apiKey: string;
  gateway?: GatewayProfile;
}

export interface JobOptions {
  /** Sends the generations and brings the results home. */
  http: HttpClient;
  /** Asked at the start of every job, so a key changed in Settings applies to the next one. */
  connection: () => Promise<JobConnection>;
  /** What the gateway in use offers and at what price; the built-in table for CometAPI when not given. */
  offer?: () => ModelOffer;
  /** The spending caps in force; none when not given. */
  budgets?: () => Budgets;
  /** The user's time zone, which decides what "today" and "this month" mean for budgets. */
  timeZone?: string;
  /** The engine; tests pass one that fails or waits on purpose. */
  run?: RunGeneration;
  catalogue?: readonly ModelInfo[];
  /** Recorded as the owner of running generations; another process resumes them only once it is gone. */
  pid?: number;
  /** Unexpected failures go here with their stack; the user sees the snapshot's readable error. */
  log: Logger;
}

/** What the batch queue adds to a job it starts. */
export interface QueuedStart {
  queueItemId: number;
  /** Called with the generation's id once it is recorded and before its request can go out. */
  onRecorded: (generationId: number) => void;
  /** See `SendOptions.beforeRetry`. */
  beforeRetry?: (signal?: AbortSignal) => Promise<void>;
}

export interface GenerationJobs {
  /**
   * Validates, records the generation (before anything is sent) and starts it. Resolves with the first
   * snapshot once the record is durable; progress follows through `subscribe`.
   */
  start(
    request: GenerationRequest,
    referenceIds: readonly number[],
    queued?: QueuedStart,
  ): Promise<JobSnapshot>;
  cancel(jobId: string): boolean;
  /** Jobs of this session, newest first, finished ones included. */
  list(): JobSnapshot[];
  /** Resolves with the final snapshot. */
  finished(jobId: string): Promise<JobSnapshot>;
  subscribe(listener: (snapshot: JobSnapshot) => void): () => void;
}

/** The price a job was sent at, with the references it counts. */
interface JobPrice {
  price: Price;
  referenceCount: number;
}

interface Job {
  snapshot: JobSnapshot;
  controller: AbortController;
  done: Promise<JobSnapshot>;
}

/**
 * Runs generations into a library: each is recorded before it is sent, every link and image as it arrives,
 * and its end once it settles. This is where the library and the API meet; neither knows the other.
 */
export function createGenerationJobs(library: JobLibrary, options: JobOptions): GenerationJobs {
  const { context, generations, imageStore } = library;
  const catalogue = options.catalogue ?? modelCatalogue;
  const runEngine = options.run ?? runGeneration;
  const log = options.log;
  const jobs = new Map<string, Job>();
  const listeners = new Set<(snapshot: JobSnapshot) => void>();

  /** The caps and the clock for a new request's budget check; see `enforceBudgets`. */
  const budgetCheck = (ledger: LedgerQueries, estimate: Money | null, model: string, gateway: string) => {
    enforceBudgets({
      budgets: options.budgets?.() ?? { dailyBudgetMicros: null, monthlyBudgetMicros: null },
      ledger,
      estimate,
      model,
      gateway,
      now: context.now(),
      timeZone: options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
  };

  const publish = (snapshot: JobSnapshot) => {
    const copy = structuredClone(snapshot);
    for (const listener of listeners) listener(copy);
  };

  async function run(
    snapshot: JobSnapshot,
    signal: AbortSignal,
    references: string[],
    connection: JobConnection,
    price: JobPrice | null,
    beforeRetry: QueuedStart['beforeRetry'],
  ): Promise<void> {
    const id = snapshot.generationId;
    const stores: Promise<void>[] = [];
    // Every image the gateway announced was made, and so billed, whether or not it then arrived.
    const announced = new Set<number>();

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
          announced.add(event.index);
          snapshot.phase = 'downloading';
          slotAt(snapshot, event.index).state = 'downloading';
          break;
        case 'download-retrying':
          break;
        case 'image-saved': {
          announced.add(event.index);
          const target = slotAt(snapshot, event.index);
          stores.push(
            imageStore.store({ generationId: id, position: event.index }, event.image).then(
              (stored) => {
                target.state = 'saved';
                target.image = stored.image;
                publish(snapshot);
              },
              (error: unknown) => {
                const reason = asAppError(error, log, `generation ${id} image ${event.index}`);
                generations.recordSlotFailure(id, event.index, reason);
                failSlot(target, reason);
                publish(snapshot);
              },
            ),
          );
          break;
        }
        case 'image-failed': {
          generations.recordSlotFailure(id, event.index, event.error);
          failSlot(slotAt(snapshot, event.index), event.error);
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
      outcome = await runEngine({
        http: options.http,
        baseUrl: connection.baseUrl,
        apiKey: connection.apiKey,
        gateway: connection.gateway,
        request: snapshot.request,
        references,
        tmpDir: context.tmpDir,
        signal,
        onEvent,
        catalogue,
        beforeRetry,
      });
    } catch (error) {
      failure = asAppError(error, log, `generation ${id}`);
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
      failSlot(open, reason);
    }
    const saved = snapshot.slots.filter((candidate) => candidate.state === 'saved').length;
    if (outcome?.usage) snapshot.usage = outcome.usage;
    const error = failure ?? outcome?.interrupted ?? null;
    const status = jobEnding(snapshot, cancelled, error);
    const billedImages = snapshot.usage?.generatedImages ?? announced.size;
    generations.finish(id, { status, usage: snapshot.usage, error, billedImages });
    snapshot.cost = price ? generationCost(price.price, billedImages, price.referenceCount) : null;
    log.info(`generation ${id} ${status}: ${saved} of ${snapshot.expected} saved`);
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
    connection: JobConnection,
    price: JobPrice | null,
    beforeRetry: QueuedStart['beforeRetry'],
  ): Promise<JobSnapshot> {
    try {
      await run(snapshot, signal, references, connection, price, beforeRetry);
    } catch (error) {
      snapshot.phase = 'failed';
      snapshot.error = asAppError(error, log, `job ${snapshot.jobId}`);
      snapshot.finishedAt = context.now();
    }
    publish(snapshot);
    return structuredClone(snapshot);
  }

  return {
    async start(request, referenceIds, queued) {
      checkRequest(request, referenceIds.length, catalogue);
      const connection = await options.connection();
      const gateway = connection.gateway ?? gatewayProfiles.cometapi;
      const offer = options.offer?.() ?? offerFor(catalogue, gateway, null);
      const model = checkRequest(request, referenceIds.length, catalogue, offeredIds(offer));
      checkKey(connection.apiKey);
      const references = await referenceUris(library, referenceIds);
      const expected = requestedImageCount(model, request);
      const offered = offer.models.find((candidate) => candidate.id === model.id)?.price ?? null;
      const price = offered ? { price: offered, referenceCount: referenceIds.length } : null;
      const estimate = price ? estimateCost(price.price, expected, price.referenceCount) : null;
      // The budget check and the record are one write transaction: no other start, in this process or
      // another on the same catalog, can pass the check before this generation counts against the budget.
      const generationId = generations.create(
        {
          kind: 'api',
          prompt: request.prompt,
          model: model.id,
          params: buildRequestParams(request, model, model.ids[gateway.modelIdsOf] ?? model.id),
          requestedImages: expected,
          referenceIds,
          ownerPid: options.pid ?? process.pid,
          pricing:
            price && estimate
              ? { gateway: gateway.kind, price: price.price, estimateMicros: estimate.micros }
              : null,
        },
        (ledger) => {
          budgetCheck(ledger, estimate, model.label, gateway.label);
        },
      );
      const snapshot = newJobSnapshot({
        generationId,
        request,
        referenceIds,
        expected,
        startedAt: context.now(),
        estimate,
        queueItemId: queued?.queueItemId ?? null,
      });
      // Synchronously between the record and the send: nothing can go out before the queue knows the id.
      queued?.onRecorded(generationId);
      const controller = new AbortController();
      const job: Job = {
        snapshot,
        controller,
        done: settle(snapshot, controller.signal, references, connection, price, queued?.beforeRetry),
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
