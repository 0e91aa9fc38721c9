import { describe, expect, it } from 'vitest';
import type { JobSlot } from '../../../../src-preload/contract/ipc';
import type { LibraryImage } from '../../../../src-preload/contract/library-types';
import {
  failureOf,
  jobOutcome,
  jobStatus,
  missingImages,
  retryRequest,
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

const failedSlot = (index: number): JobSlot => ({
  index,
  state: 'failed',
  image: null,
  error: { code: 'content-rejected', message: 'Sensitive output' },
});

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

  it('keeps only the images of a finished job, and the places a cancelled one never filled', () => {
    const done = job({ phase: 'done', finishedAt: 5000, slots: [saved(0), failedSlot(1)] });
    expect(tilesOf(done).map((tile) => tile.state)).toEqual(['saved']);
    expect(savedImages(done).map((entry) => entry.id)).toEqual([100]);
    const cancelled = job({ phase: 'cancelled', finishedAt: 5000, slots: [saved(0)] });
    expect(tilesOf(cancelled)).toHaveLength(4);
  });
});

describe('how a job ended', () => {
  it('collapses a job that saved nothing, and keeps the good images of one that saved some', () => {
    expect(jobOutcome(job())).toBe('running');
    const refused = { code: 'content-rejected', message: 'The provider refused the prompt.' } as const;
    const failed = job({ phase: 'failed', finishedAt: 5000, error: refused });
    expect(jobOutcome(failed)).toBe('failed');
    expect(failureOf(failed)).toBe(refused);
    const everySlot = job({ phase: 'done', finishedAt: 5000, slots: [failedSlot(0)] });
    expect(jobOutcome(everySlot)).toBe('failed');
    expect(failureOf(everySlot)?.message).toBe('Sensitive output');

    const partial = job({ phase: 'done', finishedAt: 5000, slots: [saved(0), failedSlot(1), saved(2)] });
    expect(jobOutcome(partial)).toBe('partial');
    expect(missingImages(partial)).toBe(1);
    const cutShort = job({ phase: 'failed', finishedAt: 5000, expected: 4, slots: [saved(0)] });
    expect(jobOutcome(cutShort)).toBe('partial');
    expect(missingImages(cutShort)).toBe(3);
    expect(jobOutcome(job({ phase: 'cancelled', finishedAt: 5000 }))).toBe('cancelled');
    expect(jobOutcome(job({ phase: 'done', finishedAt: 5000, slots: [saved(0)] }))).toBe('done');
  });

  it('retries the missing images as one image or a shorter sequence', () => {
    const request = job().request;
    expect(retryRequest(request, 1)).toMatchObject({ sequential: 'disabled', maxImages: 1 });
    expect(retryRequest(request, 3)).toMatchObject({ sequential: 'auto', maxImages: 3, prompt: 'a fox' });
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
