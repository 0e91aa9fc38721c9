import { AppFailure, appError, type AppError } from '../../src-preload/contract/errors';
import type { QueueEntry } from '../../src-preload/contract/queue';
import { isProcessAlive } from '../library/file-store';
import type { Library } from '../library/library';
import type { QueueRecord } from '../library/queue-store';
import { unknownOutcome } from '../library/queue-store';
import type { Logger } from '../logging/logger';
import type { GenerationJobs, JobSnapshot } from './generation-jobs';
import type { RequestPacer } from './request-pacer';

export interface QueueRunnerOptions {
  library: Pick<Library, 'queue'>;
  jobs: GenerationJobs;
  pacer: RequestPacer;
  /** Items running at once; read whenever a place frees, so a change in Settings applies. */
  concurrency: () => number;
  /** Runs only this batch's items, and ignores the shared pause (the command line runs what it was given). */
  batch?: string;
  /** Settles generations that stopped processes left running, so their items can take the outcome. */
  recoverLibrary?: () => Promise<unknown>;
  pid?: number;
  isAlive?: (pid: number) => boolean;
  now?: () => number;
  log: Logger;
}

export interface QueueRun {
  done: number;
  failed: number;
  unknown: number;
  cancelled: number;
}

export type QueueEvent =
  | { type: 'changed' }
  /** Nothing waits or runs any more; counts are of the items settled since the queue last drained. */
  | { type: 'drained'; run: QueueRun };

export interface QueueRunner {
  /** Recovers what stopped processes left, then starts taking items. */
  start(): Promise<void>;
  /** Something may have changed in the catalog (items added, another process): take what can run. */
  poke(): void;
  pause(): void;
  resume(): void;
  /** Why the queue paused itself (a budget), or null. */
  pausedReason(): string | null;
  /** Cancels the job of a running item; answers whether there was one. */
  cancel(itemId: number): boolean;
  /** The share of this run that is finished, for the dock; null when the queue is idle. */
  progress(): number | null;
  /** Running items of this process. */
  active(): number;
  subscribe(listener: (event: QueueEvent) => void): () => void;
  /**
   * Takes nothing more, gives requests already sent `graceMs` to finish, then cancels the rest. Items that were
   * not sent go back to waiting; items that were sent and did not finish are `unknown`.
   */
  stop(graceMs: number): Promise<void>;
}

interface Active {
  item: QueueRecord;
  jobId: string | null;
  /** Set once the generation is recorded: from then on the request may be on its way. */
  sent: boolean;
  userCancelled: boolean;
  /** Stops its wait for the pacer: the user cancelled it, or the queue stops. */
  waiting: AbortController;
  snapshot: JobSnapshot | null;
  settled: Promise<void>;
}

const emptyRun = (): QueueRun => ({ done: 0, failed: 0, unknown: 0, cancelled: 0 });

/** Failures that would fail every item alike: the queue pauses with the reason instead of burning through. */
// A budget that says no (checked by the jobs before anything is recorded) pauses the queue the same way: the item
// keeps its place and the reason is shown until the user changes the budget or resumes.
const pausingCodes = new Set(['key-missing', 'key-rejected', 'no-credit', 'forbidden', 'budget-exceeded']);

/**
 * Runs the catalog's queue through the generation jobs: items in order, a few at a time, each through the pacer
 * (rate limit, shared back-off on 429) before its generation is recorded and sent; the jobs check budgets. The
 * money rule of single jobs holds across quit, crash and SIGKILL: an item is linked to its generation before
 * its request can go out, so a restart sends again only what certainly never left.
 */
export function createQueueRunner(options: QueueRunnerOptions): QueueRunner {
  const store = options.library.queue;
  const { jobs, pacer, log } = options;
  const pid = options.pid ?? process.pid;
  const now = options.now ?? Date.now;
  const honoursPause = options.batch === undefined;
  const listeners = new Set<(event: QueueEvent) => void>();
  const running = new Map<number, Active>();
  const stopper = new AbortController();
  let started = false;
  let stopping = false;
  let selfPause: string | null = null;
  let run = emptyRun();

  const announce = (event: QueueEvent) => {
    for (const listener of listeners) listener(event);
  };

  jobs.subscribe((snapshot) => {
    if (snapshot.queueItemId === null) return;
    const active = running.get(snapshot.queueItemId);
    if (!active) return;
    active.snapshot = snapshot;
    // The engine waits out a 429 itself; everyone else waits as long, and its repeat waits for the pacer too.
    if (snapshot.retry?.reason.code === 'rate-limited') pacer.backOff(now() + snapshot.retry.delayMs);
    announce({ type: 'changed' });
  });

  function isPaused(): boolean {
    return selfPause !== null || (honoursPause && store.paused());
  }

  function settle(
    active: Active,
    state: 'done' | 'failed' | 'cancelled' | 'unknown',
    error: AppError | null,
  ) {
    store.finish(active.item.id, state, error);
    run[state === 'done' ? 'done' : state] += 1;
  }

  function pauseFor(reason: string): void {
    selfPause = reason;
    if (honoursPause) store.setPaused(true);
    log.warn(`queue paused: ${reason}`);
  }

  /** The pacer; false when the item must go back unsent (stopped, cancelled or paused while it waited). */
  async function clearToSend(active: Active): Promise<boolean> {
    try {
      await pacer.turn(AbortSignal.any([active.waiting.signal, stopper.signal]));
    } catch {
      return false;
    }
    return !stopping && !active.userCancelled && !(honoursPause && store.paused());
  }

  async function runItem(active: Active): Promise<void> {
    const { item } = active;
    if (!item.request) {
      settle(active, 'failed', appError('invalid-input', 'This queued request could not be read back.'));
      return;
    }
    const entry: QueueEntry = { request: item.request, referenceIds: item.referenceIds };
    if (!(await clearToSend(active))) {
      if (active.userCancelled) settle(active, 'cancelled', appError('cancelled', 'Cancelled.'));
      else store.release(item.id);
      return;
    }
    let snapshot: JobSnapshot;
    try {
      const first = await jobs.start(entry.request, entry.referenceIds, {
        queueItemId: item.id,
        onRecorded: (generationId) => {
          store.linkGeneration(item.id, generationId);
          active.sent = true;
        },
        beforeRetry: (signal) =>
          pacer.turn(signal ? AbortSignal.any([signal, stopper.signal]) : stopper.signal),
      });
      active.jobId = first.jobId;
      if (active.userCancelled) jobs.cancel(first.jobId);
      announce({ type: 'changed' });
      snapshot = await jobs.finished(first.jobId);
    } catch (error) {
      const failure =
        error instanceof AppFailure
          ? error.appError
          : appError('internal', 'The queued request could not start.');
      if (!(error instanceof AppFailure)) log.error(`queue item ${item.id} did not start`, error);
      if (pausingCodes.has(failure.code) && !active.sent) {
        store.release(item.id);
        pauseFor(failure.message);
        return;
      }
      settle(active, active.sent ? 'unknown' : 'failed', active.sent ? unknownOutcome : failure);
      return;
    }
    const saved = snapshot.slots.filter((slot) => slot.state === 'saved').length;
    if (snapshot.phase === 'done') settle(active, 'done', null);
    else if (snapshot.phase === 'cancelled') {
      if (active.userCancelled) settle(active, 'cancelled', appError('cancelled', 'Cancelled.'));
      // Stopped by a quit: what was saved counts; otherwise the request may have been made.
      else settle(active, saved > 0 ? 'done' : 'unknown', saved > 0 ? null : unknownOutcome);
    } else if (snapshot.error?.code === 'rate-limited' && saved === 0) {
      // Refused unbilled, even after the engine's own waits: back in line behind the shared back-off.
      pacer.backOff(now() + (snapshot.error.retryAfterSeconds ?? 5) * 1000);
      store.release(item.id);
    } else if (pausingCodes.has(snapshot.error?.code ?? '') && saved === 0) {
      store.release(item.id);
      pauseFor(snapshot.error?.message ?? '');
    } else if (saved > 0) settle(active, 'done', snapshot.error);
    else settle(active, 'failed', snapshot.error ?? appError('internal', 'The request failed.'));
  }

  function launch(item: QueueRecord): void {
    const active: Active = {
      item,
      jobId: null,
      sent: false,
      userCancelled: false,
      waiting: new AbortController(),
      snapshot: null,
      settled: Promise.resolve(),
    };
    running.set(item.id, active);
    active.settled = runItem(active)
      .catch((error: unknown) => {
        log.error(`queue item ${item.id} failed unexpectedly`, error);
        store.finish(item.id, active.sent ? 'unknown' : 'failed', active.sent ? unknownOutcome : null);
      })
      .finally(() => {
        running.delete(item.id);
        announce({ type: 'changed' });
        pump();
      });
  }

  function pump(): void {
    if (!started || stopping) return;
    while (!isPaused() && running.size < Math.max(1, Math.floor(options.concurrency()))) {
      const item = store.claim(pid, options.batch);
      if (!item) break;
      launch(item);
    }
    announce({ type: 'changed' });
    if (running.size === 0 && settledCount() > 0 && store.openCount(options.batch) === 0) {
      const finished = run;
      run = emptyRun();
      announce({ type: 'drained', run: finished });
    }
  }

  function settledCount(): number {
    return run.done + run.failed + run.unknown + run.cancelled;
  }

  function recoverOrphans(): void {
    const report = store.recoverOrphans(pid, options.isAlive ?? isProcessAlive);
    if (report.requeued + report.settled + report.unknown > 0) {
      log.info(
        `queue after a stop: ${report.requeued} back in line, ${report.settled} settled, ${report.unknown} outcome unknown`,
      );
    }
  }

  return {
    async start() {
      if (options.recoverLibrary) await options.recoverLibrary();
      recoverOrphans();
      started = true;
      pump();
    },
    poke() {
      if (started && !stopping) recoverOrphans();
      pump();
    },
    pause() {
      store.setPaused(true);
      announce({ type: 'changed' });
    },
    resume() {
      selfPause = null;
      store.setPaused(false);
      pump();
    },
    pausedReason: () => selfPause,
    cancel(itemId) {
      const active = running.get(itemId);
      if (!active) return false;
      active.userCancelled = true;
      active.waiting.abort();
      if (active.jobId !== null) jobs.cancel(active.jobId);
      return true;
    },
    progress() {
      const open = store.openCount(options.batch);
      if (open === 0 && running.size === 0) return null;
      const settledShare = settledCount();
      const runningShare = [...running.values()].reduce((sum, active) => {
        const slots = active.snapshot?.slots ?? [];
        const expected = Math.max(1, active.snapshot?.expected ?? 1);
        return (
          sum + slots.filter((slot) => slot.state === 'saved' || slot.state === 'failed').length / expected
        );
      }, 0);
      return (settledShare + runningShare) / Math.max(1, settledShare + open);
    },
    active: () => running.size,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop(graceMs) {
      stopping = true;
      stopper.abort();
      const all = () => Promise.allSettled([...running.values()].map((active) => active.settled));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([all(), new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
      for (const active of running.values()) if (active.jobId !== null) jobs.cancel(active.jobId);
      await all();
    },
  };
}
