import { describe, expect, it } from 'vitest';
import type { JobSlot } from '../../../../src-preload/contract/ipc';
import type { LibraryImage } from '../../../../src-preload/contract/library-types';
import {
  jobStatus,
  mergeSnapshot,
  mergeSnapshots,
  savedImages,
  tilesOf,
  updateImage,
} from '../../../../src-renderer/features/sequence-grid/jobs';
import { image as libraryImage } from '../../support/images';
import { job } from '../../support/jobs';

/** An image of generation 1 at slot `id`, as a job's saved slot carries it. */
function image(id: number): LibraryImage {
  return libraryImage(id, { generationId: 1, position: id });
}

function saved(index: number): JobSlot {
  return { index, state: 'saved', image: image(index + 100), error: null };
}

describe('mergeSnapshot', () => {
  it('keeps jobs newest first', () => {
    const older = job({ jobId: 'a', startedAt: 1 });
    const newer = job({ jobId: 'b', startedAt: 2 });
    expect(mergeSnapshots([], [older, newer]).map((entry) => entry.jobId)).toEqual(['b', 'a']);
    expect(mergeSnapshot([newer], older).map((entry) => entry.jobId)).toEqual(['b', 'a']);
  });

  it('replaces a job with a later snapshot but never with one that is behind', () => {
    const ahead = job({ phase: 'downloading', slots: [saved(0), saved(1)] });
    const behind = job({ phase: 'generating', slots: [saved(0)] });
    expect(mergeSnapshot([behind], ahead)[0]).toBe(ahead);
    expect(mergeSnapshot([ahead], behind)[0]).toBe(ahead);
    const done = job({ phase: 'done', slots: [saved(0), saved(1)] });
    expect(mergeSnapshot([done], ahead)[0]).toBe(done);
  });

  it('changes one image wherever it appears', () => {
    const list = [job({ slots: [saved(0), saved(1)] })];
    const updated = updateImage(list, 101, (entry) => ({ ...entry, favorite: true }));
    expect(updated[0]?.slots.map((slot) => slot.image?.favorite)).toEqual([false, true]);
    expect(list[0]?.slots[1]?.image?.favorite).toBe(false);
  });
});

describe('tilesOf', () => {
  it('gives one tile per expected image from the start, in order', () => {
    const tiles = tilesOf(job({ slots: [saved(2)] }));
    expect(tiles.map((tile) => [tile.index, tile.state])).toEqual([
      [0, 'pending'],
      [1, 'pending'],
      [2, 'saved'],
      [3, 'pending'],
    ]);
  });

  it('drops the slots a finished sequence never filled, but keeps failures', () => {
    const failed: JobSlot = {
      index: 1,
      state: 'failed',
      image: null,
      error: { code: 'content-rejected', message: 'Sensitive output' },
    };
    const done = job({ phase: 'done', finishedAt: 5000, slots: [saved(0), failed] });
    expect(tilesOf(done).map((tile) => tile.state)).toEqual(['saved', 'failed']);
    expect(savedImages(done).map((entry) => entry.id)).toEqual([100]);
    const cancelled = job({ phase: 'cancelled', finishedAt: 5000, slots: [saved(0)] });
    expect(tilesOf(cancelled)).toHaveLength(4);
  });
});

describe('jobStatus', () => {
  it('names each phase with the counts it needs', () => {
    expect(jobStatus(job({ phase: 'sending' })).key).toBe('sending');
    expect(jobStatus(job({ phase: 'downloading', slots: [saved(0)] }))).toEqual({
      key: 'downloading',
      params: { done: 1, total: 4 },
    });
    const partly = job({
      phase: 'done',
      slots: [saved(0), { index: 1, state: 'failed', image: null, error: null }],
    });
    expect(jobStatus(partly)).toEqual({ key: 'savedPartly', params: { saved: 1, failed: 1, count: 1 } });
    expect(jobStatus(job({ phase: 'done', slots: [saved(0)] }))).toEqual({
      key: 'saved',
      params: { count: 1 },
    });
  });

  it('shows a retry while the job is still running', () => {
    const retrying = job({
      phase: 'sending',
      retry: { attempt: 2, delayMs: 4500, reason: { code: 'rate-limited', message: 'Too many requests' } },
    });
    expect(jobStatus(retrying)).toEqual({
      key: 'retrying',
      params: { attempt: 2, seconds: 5, reason: 'Too many requests' },
    });
    expect(jobStatus({ ...retrying, phase: 'failed' }).key).toBe('failed');
  });
});
