import type { AppError } from '../../../src-preload/contract/errors';
import type { GenerationRequest } from '../../../src-preload/contract/generation';
import type { JobPhase, JobSlot, JobSnapshot } from '../../../src-preload/contract/ipc';
import type { LibraryImage } from '../../../src-preload/contract/library-types';

const terminalPhases: ReadonlySet<JobPhase> = new Set(['done', 'failed', 'cancelled']);

export function isFinished(job: Pick<JobSnapshot, 'phase'>): boolean {
  return terminalPhases.has(job.phase);
}

const phaseRank: Record<JobPhase, number> = {
  sending: 0,
  generating: 1,
  downloading: 2,
  done: 3,
  failed: 3,
  cancelled: 3,
};

/**
 * How far a snapshot has got. Main sends the whole job after every change, but the list loaded on mount can
 * cross an event in flight: a snapshot never replaces one that is further along.
 */
function progress(job: JobSnapshot): number {
  const settled = job.slots.filter((slot) => slot.state === 'saved' || slot.state === 'failed').length;
  return phaseRank[job.phase] * 1000 + settled;
}

function newestFirst(a: JobSnapshot, b: JobSnapshot): number {
  return b.startedAt - a.startedAt || b.generationId - a.generationId;
}

export function mergeSnapshot(jobs: readonly JobSnapshot[], incoming: JobSnapshot): JobSnapshot[] {
  const index = jobs.findIndex((job) => job.jobId === incoming.jobId);
  if (index < 0) return [...jobs, incoming].sort(newestFirst);
  const existing = jobs[index];
  if (existing && progress(incoming) < progress(existing)) return jobs.slice();
  const next = jobs.slice();
  next[index] = incoming;
  return next;
}

export function mergeSnapshots(
  jobs: readonly JobSnapshot[],
  incoming: readonly JobSnapshot[],
): JobSnapshot[] {
  return incoming.reduce<JobSnapshot[]>((list, job) => mergeSnapshot(list, job), jobs.slice());
}

/** Applies a change to one library image wherever it appears (a favorite toggled from a tile). */
export function updateImage(
  jobs: readonly JobSnapshot[],
  imageId: number,
  change: (image: LibraryImage) => LibraryImage,
): JobSnapshot[] {
  return jobs.map((job) =>
    job.slots.some((slot) => slot.image?.id === imageId)
      ? {
          ...job,
          slots: job.slots.map((slot) =>
            slot.image?.id === imageId ? { ...slot, image: change(slot.image) } : slot,
          ),
        }
      : job,
  );
}

/**
 * The tiles of a job: one per expected image from the start, so the grid does not jump as images arrive.
 * A sequence may end with fewer images than asked for; slots main never reported stay pending until then.
 * Once a job has ended, only its images remain (its failures are told once, in one line, with a retry), except
 * that a cancelled job keeps the places of the images it never made.
 */
export function tilesOf(job: JobSnapshot): JobSlot[] {
  const count = Math.max(job.expected, job.slots.length);
  const tiles: JobSlot[] = [];
  for (let index = 0; index < count; index += 1) {
    tiles.push(
      job.slots.find((slot) => slot.index === index) ?? { index, state: 'pending', image: null, error: null },
    );
  }
  if (!isFinished(job) || job.phase === 'cancelled') return tiles;
  return tiles.filter((tile) => tile.state === 'saved');
}

export function savedImages(job: JobSnapshot): LibraryImage[] {
  return tilesOf(job).flatMap((tile) => (tile.image && tile.state === 'saved' ? [tile.image] : []));
}

export type JobStatusKey =
  'sending' | 'generating' | 'downloading' | 'saved' | 'savedPartly' | 'failed' | 'cancelled' | 'retrying';

export interface JobStatus {
  key: JobStatusKey;
  params: Record<string, number | string>;
}

/** The one line that says what a job is doing now, as a translation key and its values. */
export function jobStatus(job: JobSnapshot): JobStatus {
  const saved = job.slots.filter((slot) => slot.state === 'saved').length;
  const failed = job.slots.filter((slot) => slot.state === 'failed').length;
  const total = Math.max(job.expected, job.slots.length);
  if (job.retry && !isFinished(job)) {
    return {
      key: 'retrying',
      params: {
        attempt: job.retry.attempt,
        seconds: Math.ceil(job.retry.delayMs / 1000),
        reason: job.retry.reason.message,
      },
    };
  }
  switch (job.phase) {
    case 'sending':
      return { key: 'sending', params: {} };
    case 'generating':
      return { key: 'generating', params: { count: total, saved } };
    case 'downloading':
      return { key: 'downloading', params: { done: saved + failed, total } };
    case 'done':
      return failed > 0
        ? { key: 'savedPartly', params: { saved, failed, count: saved } }
        : { key: 'saved', params: { count: saved } };
    case 'failed':
      return { key: 'failed', params: { saved } };
    case 'cancelled':
      return { key: 'cancelled', params: { saved } };
  }
}

/** How a job ended, as the results show it: a failure with nothing saved collapses to one row. */
export type JobOutcome = 'running' | 'done' | 'partial' | 'failed' | 'cancelled';

function countSlots(job: JobSnapshot, state: JobSlot['state']): number {
  return job.slots.filter((slot) => slot.state === state).length;
}

export function jobOutcome(job: JobSnapshot): JobOutcome {
  if (!isFinished(job)) return 'running';
  if (job.phase === 'cancelled') return 'cancelled';
  const saved = countSlots(job, 'saved');
  const failed = job.phase === 'failed' || countSlots(job, 'failed') > 0;
  if (!failed) return 'done';
  return saved === 0 ? 'failed' : 'partial';
}

/**
 * How many images a partly failed job is missing: its failed slots, or, when the job itself failed midway, all
 * it expected but did not save.
 */
export function missingImages(job: JobSnapshot): number {
  const failed = countSlots(job, 'failed');
  return job.phase === 'failed' ? Math.max(job.expected - countSlots(job, 'saved'), failed) : failed;
}

/** What went wrong, once: the job's own error, or the first failed image's. */
export function failureOf(job: JobSnapshot): AppError | null {
  return job.error ?? job.slots.find((slot) => slot.error)?.error ?? null;
}

/** The same request again for `count` images: one plain image, or a sequence of up to that many. */
export function retryRequest(request: GenerationRequest, count: number): GenerationRequest {
  return count > 1
    ? { ...request, sequential: 'auto', maxImages: count }
    : { ...request, sequential: 'disabled', maxImages: 1 };
}
