import { describe, expect, it } from 'vitest';
import { testApp } from '../../support/app-store';
import { failed, ok } from '../../support/fake-api';
import { image } from '../../support/images';
import { job } from '../../support/jobs';

describe('the jobs slice', () => {
  it('loads main’s jobs newest first, leaving out the ones put away', async () => {
    const app = testApp({
      'generation:jobs': () =>
        ok([job({ jobId: 'a', startedAt: 1, phase: 'done' }), job({ jobId: 'b', startedAt: 2 })]),
    });
    await app.store.getState().loadJobs();
    expect(app.store.getState().jobs.map((entry) => entry.jobId)).toEqual(['b', 'a']);

    app.store.getState().dismissFinishedJobs();
    await app.store.getState().loadJobs();
    expect(app.store.getState().jobs.map((entry) => entry.jobId)).toEqual(['b']);
    expect(app.store.getState().dismissedJobIds).toEqual(['a']);
  });

  it('follows snapshots from main until told to stop', () => {
    const app = testApp();
    const stop = app.store.getState().watchJobs();
    app.fake.emit('generation:progress', job({ jobId: 'c', phase: 'downloading' }));
    expect(app.store.getState().jobs.map((entry) => entry.phase)).toEqual(['downloading']);
    stop();
    app.fake.emit('generation:progress', job({ jobId: 'c', phase: 'done' }));
    expect(app.store.getState().jobs.map((entry) => entry.phase)).toEqual(['downloading']);
  });

  it('shows why jobs could not be listed or a job could not be cancelled', async () => {
    const app = testApp({
      'generation:jobs': () => failed('The catalog is locked.'),
      'generation:cancel': () => failed('That job already ended.'),
    });
    await app.store.getState().loadJobs();
    await app.store.getState().cancelJob('a');
    expect(app.fake.callsTo('generation:cancel')).toEqual([{ jobId: 'a' }]);
    expect(app.store.getState().toasts.map((toast) => toast.notice)).toEqual([
      { key: 'toast.failed', message: 'The catalog is locked.' },
      { key: 'toast.failed', message: 'That job already ended.' },
    ]);
  });

  it('changes a saved image in every job that shows it', () => {
    const app = testApp();
    app.store
      .getState()
      .receiveSnapshot(job({ slots: [{ index: 0, state: 'saved', image: image(7), error: null }] }));
    app.store.getState().patchJobImages([7, 8], (item) => ({ ...item, favorite: true }));
    expect(app.store.getState().jobs[0]?.slots[0]?.image?.favorite).toBe(true);
  });
});
