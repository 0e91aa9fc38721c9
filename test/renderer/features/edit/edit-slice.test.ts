import { describe, expect, it } from 'vitest';
import { emptyEditDocument } from '../../../../src-preload/contract/edit';
import { createEditSlice } from '../../../../src-renderer/features/edit/edit-slice';
import { insertPlaceholder, removePlaceholder } from '../../../../src-renderer/features/edit/region-prompt';
import { testApp } from '../../support/app-store';
import { failed, ok } from '../../support/fake-api';
import { image } from '../../support/images';
import { job } from '../../support/jobs';

const pro = 'seedream-5-0-pro-260628';
const base = image(1, { width: 2000, height: 1000 });

/** A base opened, following job progress as the app does (nothing was opened from the OS). */
function opened(handlers: Parameters<typeof testApp>[0] = {}) {
  const app = testApp({ 'edit:takeOpened': () => ok({ images: [], problems: [] }), ...handlers });
  app.store.getState().openEditBase(base);
  app.store.getState().watchEdit();
  return app;
}

const rectangle = {
  kind: 'rectangle' as const,
  from: { x: 10, y: 10 },
  to: { x: 100, y: 80 },
  color: '#ff3b30' as const,
  width: 'medium' as const,
};

describe('placeholders in the instruction', () => {
  it('go where the cursor is, spaced from the words around them, and come out cleanly', () => {
    expect(insertPlaceholder('make blue', 4, { kind: 'box', id: 2 })).toEqual({
      prompt: 'make [[box 2]] blue',
      cursor: 14,
    });
    expect(insertPlaceholder('', 0, { kind: 'point', id: 1 }).prompt).toBe('[[point 1]]');
    expect(removePlaceholder('make [[box 2]] blue', { kind: 'box', id: 2 })).toBe('make blue');
  });
});

describe('the edit slice', () => {
  it('opens a base with an empty edit and the original as the first version', () => {
    const { store } = opened();
    const state = store.getState();
    expect(state.editHistory?.present).toEqual(emptyEditDocument({ width: 2000, height: 1000 }));
    expect(state.editVersions.map((version) => version.number)).toEqual([0]);
    expect(state.editBaseVersion).toBe(state.editVersions[0]?.key);
  });

  it('undoes and redoes marks', () => {
    const { store } = opened();
    store.getState().changeEdit((document) => ({ ...document, marks: [rectangle] }));
    expect(store.getState().editHistory?.present.marks).toHaveLength(1);
    store.getState().undoEdit();
    expect(store.getState().editHistory?.present.marks).toHaveLength(0);
    store.getState().redoEdit();
    expect(store.getState().editHistory?.present.marks).toEqual([rectangle]);
  });

  it('keeps Regions off for a model whose catalogue entry has no tag format', () => {
    const { store } = opened();
    store.getState().setEditMode('regions');
    store.getState().setEditTool('box');
    expect(store.getState().editMode).toBe('marks');
    store.getState().setEditModel(pro);
    store.getState().setEditTool('box');
    expect(store.getState().editMode).toBe('regions');
    store.getState().setEditModel('doubao-seedream-4-5-251128');
    expect(store.getState().editMode).toBe('marks');
  });

  it('puts a drawn region into the document and its placeholder at the cursor; removing it takes both out', () => {
    const { store } = opened();
    store.getState().setEditModel(pro);
    store.getState().setEditPrompt('turn into a window', 4);
    store.getState().addRegion({ kind: 'box', from: { x: 0, y: 0 }, to: { x: 10, y: 10 } });
    store.getState().addRegion({ kind: 'point', at: { x: 5, y: 5 } });
    expect(store.getState().editPrompt).toBe('turn [[box 1]] [[point 2]] into a window');
    store.getState().removeRegion(1);
    expect(store.getState().editPrompt).toBe('turn [[point 2]] into a window');
    expect(store.getState().editHistory?.present.regions.map((region) => region.id)).toEqual([2]);
  });

  it('applies the edit with the base, the references, the document and the base’s shape, and follows the job', async () => {
    const started = job({ jobId: 'edit-job', generationId: 7, phase: 'sending' });
    const app = opened({
      'edit:apply': () => ok({ job: started, sent: image(2), prompt: 'sent' }),
    });
    const { store, fake } = app;
    store.getState().addEditReferences([image(3)]);
    store.getState().changeEdit((document) => ({ ...document, marks: [rectangle] }));
    store.getState().setEditPrompt('make it a window');
    await store.getState().applyEdit();
    const [sent] = fake.callsTo('edit:apply');
    expect(sent).toMatchObject({
      baseId: 1,
      referenceIds: [3],
      request: {
        model: 'doubao-seedream-4-5-251128',
        prompt: 'make it a window',
        size: { width: 2896, height: 1456 },
      },
      textLayers: [],
    });
    expect(sent?.document.marks).toEqual([rectangle]);
    const versions = store.getState().editVersions;
    expect(versions.map((version) => [version.number, version.image])).toEqual([
      [0, base],
      [1, null],
    ]);
    fake.emit('generation:progress', {
      ...started,
      finishedAt: 5,
      phase: 'done',
      slots: [{ index: 0, state: 'saved', image: image(9), error: null }],
    });
    expect(store.getState().editVersions[1]).toMatchObject({ image: image(9), generationId: 7 });
  });

  it('says why an edit was refused and keeps the canvas', async () => {
    const { store } = opened({ 'edit:apply': () => failed('The prompt names box 7.', 'invalid-input') });
    store.getState().setEditPrompt('x [[box 7]]');
    await store.getState().applyEdit();
    expect(store.getState().editError?.message).toBe('The prompt names box 7.');
    expect(store.getState().editVersions).toHaveLength(1);
  });

  it('continues from a version on a branch, keeping every version', async () => {
    const started = job({ jobId: 'j1', generationId: 20 });
    const { store, fake } = opened({ 'edit:apply': () => ok({ job: started, sent: base, prompt: 'x' }) });
    store.getState().setEditPrompt('x');
    await store.getState().applyEdit();
    fake.emit('generation:progress', {
      ...started,
      finishedAt: 1,
      slots: [{ index: 0, state: 'saved', image: image(9), error: null }],
    });
    const edited = store.getState().editVersions[1];
    if (!edited) throw new Error('expected a version');
    store.getState().continueFromVersion(edited.key);
    expect(store.getState().editBase?.id).toBe(9);
    expect(store.getState().editVersions).toHaveLength(2);
    fake.answer({
      'edit:apply': () => ok({ job: job({ jobId: 'j2', generationId: 21 }), sent: image(9), prompt: 'x' }),
    });
    store.getState().setEditPrompt('again');
    await store.getState().applyEdit();
    expect(store.getState().editVersions[2]?.parentKey).toBe(edited.key);
    expect(store.getState().editVersions.map((version) => version.number)).toEqual([0, 1, 2]);
  });

  it('reopens an edit exactly as it was sent', async () => {
    const document = { ...emptyEditDocument({ width: 2000, height: 1000 }), marks: [rectangle] };
    const { store } = opened({
      'edit:reopen': () =>
        ok({
          generationId: 7,
          base,
          references: [image(3)],
          marked: image(2),
          document,
          request: { ...job().request, model: pro, prompt: 'turn [[box 1]] red' },
        }),
    });
    await store.getState().reopenEdit(7);
    const state = store.getState();
    expect(state.editHistory?.present).toEqual(document);
    expect(state.editPrompt).toBe('turn [[box 1]] red');
    expect(state.editModel).toBe(pro);
    expect(state.editReferences.map((reference) => reference.id)).toEqual([3]);
  });

  it('opens images the OS handed over and reports the ones it could not', async () => {
    const { store } = testApp({
      'edit:takeOpened': () => ok({ images: [image(4), image(5)], problems: ['bad.png: not an image'] }),
    });
    await store.getState().takeOpenedImages();
    const state = store.getState();
    expect(state.editBase?.id).toBe(4);
    expect(state.editReferences.map((reference) => reference.id)).toEqual([5]);
    expect(state.view).toBe('edit');
    expect(state.toasts.at(-1)?.notice).toMatchObject({ message: 'bad.png: not an image' });
  });

  it('draws text marks into pictures before sending', async () => {
    const app = testApp({ 'edit:apply': () => ok({ job: job(), sent: base, prompt: 'x' }) });
    const drawn = { left: 1, top: 2, png: new Uint8Array([1]) };
    const store = app.store;
    // The slice takes the drawing function, as jsdom has no canvas.
    const slice = createEditSlice({ api: app.fake.api }, () => Promise.resolve([drawn]));
    store.setState(slice(store.setState, store.getState, store));
    store.getState().openEditBase(base);
    store.getState().setEditPrompt('x');
    await store.getState().applyEdit();
    expect(app.fake.callsTo('edit:apply')[0]?.textLayers).toEqual([drawn]);
  });
});

describe('ways into Edit', () => {
  it('refuses an image whose file is missing or trashed, saying why', () => {
    const { store } = testApp();
    store.getState().openInEdit(image(8, { fileState: 'missing' }));
    expect(store.getState().editBase).toBeNull();
    expect(store.getState().view).toBe('generate');
    expect(store.getState().toasts.at(-1)?.notice).toMatchObject({
      message: 'Image 8 cannot be edited: its file is missing or in the trash.',
    });
  });

  it('keeps the session when the image is already the base', () => {
    const { store } = opened();
    store.getState().changeEdit((document) => ({ ...document, marks: [rectangle] }));
    store.getState().openInEdit(base);
    expect(store.getState().editHistory?.present.marks).toEqual([rectangle]);
    expect(store.getState().view).toBe('edit');
  });
});
