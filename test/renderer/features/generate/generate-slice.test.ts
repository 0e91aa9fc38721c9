import { describe, expect, it } from 'vitest';
import { generationRequestSchema } from '../../../../src-preload/contract/generation';
import type { InputOf, JobSnapshot } from '../../../../src-preload/contract/ipc';
import { draftStorageKey } from '../../../../src-renderer/features/generate/draft';
import { testApp } from '../../support/app-store';
import { failed, ok } from '../../support/fake-api';
import { image } from '../../support/images';
import { generationRequest, job } from '../../support/jobs';
import { memoryStorage } from '../../support/memory-storage';

/** Main's first snapshot of a job it just started. */
const started = (input: InputOf<'generation:start'>): JobSnapshot =>
  job({ jobId: 'job-9', request: generationRequestSchema.parse(input.request), phase: 'sending' });

describe('the generate slice', () => {
  it('keeps the draft across restarts, field by field', () => {
    const storage = memoryStorage({
      [draftStorageKey]: JSON.stringify({ prompt: 'a heron', maxImages: 'many' }),
    });
    const first = testApp({}, { storage });
    expect(first.store.getState().draft).toMatchObject({ prompt: 'a heron', maxImages: 4 });

    first.store.getState().updateDraft({ prompt: 'a heron at dawn', sequential: 'auto', maxImages: 6 });
    const second = testApp({}, { storage });
    expect(second.store.getState().draft).toMatchObject({
      prompt: 'a heron at dawn',
      sequential: 'auto',
      maxImages: 6,
    });
  });

  it('does not send a draft that validation blocks, and names the control to fix', async () => {
    const app = testApp();
    expect(await app.store.getState().generate()).toBe('prompt');
    expect(app.fake.calls).toEqual([]);
  });

  it('sends the request and the tray’s references, and shows the job at once', async () => {
    const app = testApp({ 'generation:start': (input) => ok(started(input)) });
    app.store.getState().addReferences([image(3), image(4)]);
    app.store.getState().updateDraft({ prompt: 'a heron', sequential: 'auto', maxImages: 3 });
    expect(await app.store.getState().generate()).toBeNull();

    const [sent] = app.fake.callsTo('generation:start');
    expect(sent?.referenceIds).toEqual([3, 4]);
    expect(sent?.request).toMatchObject({ prompt: 'a heron', sequential: 'auto', maxImages: 3 });
    const state = app.store.getState();
    expect(state.jobs.map((entry) => entry.jobId)).toEqual(['job-9']);
    expect(state).toMatchObject({ starting: false, generateError: null });
  });

  it('ignores a second Generate while the first is on its way', async () => {
    const app = testApp({ 'generation:start': (input) => ok(started(input)) });
    app.store.getState().updateDraft({ prompt: 'a heron' });
    const first = app.store.getState().generate();
    expect(app.store.getState().starting).toBe(true);
    expect(await app.store.getState().generate()).toBeNull();
    await first;
    expect(app.fake.callsTo('generation:start')).toHaveLength(1);
  });

  it('keeps a refusal for the notice and points at the prompt when the content was rejected', async () => {
    const app = testApp({ 'generation:start': () => failed('The prompt was refused.', 'content-rejected') });
    app.store.getState().updateDraft({ prompt: 'a heron' });
    expect(await app.store.getState().generate()).toBe('prompt');
    expect(app.store.getState().generateError).toEqual({
      code: 'content-rejected',
      message: 'The prompt was refused.',
    });
    app.store.getState().dismissGenerateError();
    expect(app.store.getState().generateError).toBeNull();
  });

  it('applies a remix: the earlier request becomes the draft, and its references replace the tray', () => {
    const app = testApp();
    app.store.getState().addReferences([image(1)]);
    app.store.getState().applyRemix({
      request: generationRequest({ prompt: 'four seasons', stream: false, seed: 12 }),
      references: [image(5)],
    });
    const state = app.store.getState();
    expect(state.draft).toMatchObject({
      prompt: 'four seasons',
      sequential: 'auto',
      seedMode: 'fixed',
      seed: 12,
    });
    expect(state.references.map((item) => item.id)).toEqual([5]);
    expect(JSON.parse(app.storage.getItem(draftStorageKey) ?? '{}')).toMatchObject({
      prompt: 'four seasons',
    });
  });
});
