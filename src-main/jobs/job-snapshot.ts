import type { AppError } from '../../src-preload/contract/errors';
import type { GenerationRequest } from '../../src-preload/contract/generation';
import type {
  JobSlot as ContractJobSlot,
  JobSnapshot as ContractJobSnapshot,
} from '../../src-preload/contract/ipc';
import type { Money } from '../../src-preload/contract/pricing';
import type { ImageRecord } from '../library/records';

export type { JobPhase } from '../../src-preload/contract/ipc';

/** A slot of a job as the contract has it, with the library's record where the renderer's image goes. */
export type JobSlot = Omit<ContractJobSlot, 'image'> & { image: ImageRecord | null };

/** The whole state of one job, sent after every change so that a missed event cannot leave a view behind. */
export type JobSnapshot = Omit<ContractJobSnapshot, 'slots'> & { slots: JobSlot[] };

/** How a generation ended, as the catalog records it. */
export type JobEnding = 'cancelled' | 'failed' | 'partial' | 'succeeded';

export function newJobSnapshot(job: {
  generationId: number;
  request: GenerationRequest;
  referenceIds: readonly number[];
  expected: number;
  startedAt: number;
  estimate: Money | null;
  queueItemId: number | null;
}): JobSnapshot {
  return {
    queueItemId: job.queueItemId,
    jobId: String(job.generationId),
    generationId: job.generationId,
    startedAt: job.startedAt,
    finishedAt: null,
    request: job.request,
    referenceIds: [...job.referenceIds],
    phase: 'sending',
    expected: job.expected,
    slots: Array.from({ length: job.expected }, (_, index) => ({
      index,
      state: 'pending',
      image: null,
      error: null,
    })),
    usage: null,
    error: null,
    retry: null,
    notices: [],
    estimate: job.estimate,
    cost: null,
  };
}

/** The slot at `index`, added in order when the answer has more images than were expected. */
export function slotAt(snapshot: JobSnapshot, index: number): JobSlot {
  let found = snapshot.slots.find((candidate) => candidate.index === index);
  if (!found) {
    found = { index, state: 'pending', image: null, error: null };
    snapshot.slots.push(found);
    snapshot.slots.sort((a, b) => a.index - b.index);
  }
  return found;
}

export function failSlot(slot: JobSlot, error: AppError): void {
  slot.state = 'failed';
  slot.error = error;
}

/** Cancelled wins; otherwise nothing saved failed, and anything missing or wrong makes the rest partial. */
export function jobEnding(snapshot: JobSnapshot, cancelled: boolean, error: AppError | null): JobEnding {
  if (cancelled) return 'cancelled';
  const saved = snapshot.slots.filter((candidate) => candidate.state === 'saved').length;
  if (saved === 0) return 'failed';
  const someFailed = snapshot.slots.some((candidate) => candidate.state === 'failed');
  return someFailed || error ? 'partial' : 'succeeded';
}
