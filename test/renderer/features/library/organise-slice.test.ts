import { describe, expect, it } from 'vitest';
import { refreshDelayMs } from '../../../../src-renderer/features/library/list-controller';
import { selectIds } from '../../../../src-renderer/features/library/selection';
import { testApp } from '../../support/app-store';
import { browsing, emptyStats, newestFirst } from '../../support/catalog';
import { failed, ok } from '../../support/fake-api';
import { settle } from '../../support/manual-timers';

/** A library with images loaded and shown, where every refresh's reads are answered. */
async function shownLibrary(count = 10) {
  let images = newestFirst(count);
  const app = testApp({
    ...browsing(() => images),
    'collections:list': () => ok([{ id: 1, name: 'Trips', imageCount: 0 }]),
    'tags:list': () => ok([{ id: 1, name: 'sky', imageCount: 2 }]),
    'library:models': () => ok(['doubao-seedream-4-5-251128']),
    'library:stats': () => ok({ ...emptyStats, images: 3 }),
  });
  app.store.getState().setLibraryVisible(true);
  await app.store.getState().reloadLibrary();
  return {
    ...app,
    setImages: (next: typeof images) => {
      images = next;
    },
  };
}

const notices = (app: { store: { getState: () => { toasts: { notice: unknown }[] } } }) =>
  app.store.getState().toasts.map((toast) => toast.notice);

describe('the library organise slice', () => {
  it('reads collections, tags, models and statistics in one go, or says why it could not', async () => {
    const app = await shownLibrary();
    await app.store.getState().loadLibraryMeta();
    expect(app.store.getState()).toMatchObject({
      libraryCollections: [{ name: 'Trips' }],
      libraryTags: [{ name: 'sky' }],
      libraryModels: ['doubao-seedream-4-5-251128'],
      libraryStats: { images: 3 },
    });

    app.fake.answer({ 'tags:list': () => failed('The catalog is busy.') });
    await app.store.getState().loadLibraryMeta();
    expect(notices(app)).toEqual([{ key: 'toast.failed', message: 'The catalog is busy.' }]);
  });

  it('takes trashed images out at once, with an Undo that restores them', async () => {
    const app = await shownLibrary();
    app.fake.answer({ 'library:trash': () => ok(null), 'library:restore': () => ok(null) });
    app.store.getState().setLibrarySelection(selectIds([10, 9, 8]));
    app.store.getState().openLibraryDetail(9);

    await app.store.getState().trashLibraryImages([10, 9]);
    const state = app.store.getState();
    expect(state.libraryItems.map((item) => item.id)).not.toContain(10);
    expect(state.libraryTotal).toBe(8);
    expect([...state.librarySelection.ids]).toEqual([8]);
    expect(state.libraryDetailId).toBeNull();
    expect(notices(app)).toEqual([{ key: 'toast.trashed', count: 2 }]);

    expect(app.store.getState().undoLatest()).toBe(true);
    await settle();
    expect(app.fake.callsTo('library:restore')).toEqual([{ ids: [10, 9] }]);
    expect(notices(app)).toEqual([{ key: 'toast.restored', count: 2 }]);
  });

  it('puts trashed images back by reading the list again when main refuses', async () => {
    const app = await shownLibrary();
    app.fake.answer({ 'library:trash': () => failed('The catalog is read-only.') });
    await app.store.getState().trashLibraryImages([10]);
    expect(app.store.getState().libraryItems).toHaveLength(9);
    expect(notices(app)).toEqual([{ key: 'toast.failed', message: 'The catalog is read-only.' }]);
    await app.clock.advance(refreshDelayMs);
    expect(app.store.getState().libraryItems.map((item) => item.id)).toContain(10);
  });

  it('restoring in the trash view takes the images out of that view', async () => {
    const app = await shownLibrary();
    app.fake.answer({ 'library:restore': () => ok(null) });
    app.store.setState({
      libraryQuery: {
        ...app.store.getState().libraryQuery,
        filters: { ...app.store.getState().libraryQuery.filters, trashed: true },
      },
    });
    await app.store.getState().restoreLibraryImages([10]);
    expect(app.store.getState().libraryItems.map((item) => item.id)).not.toContain(10);
  });

  it('says how many images emptying the trash deleted, and how many it kept as references', async () => {
    const app = await shownLibrary();
    app.fake.answer({ 'library:emptyTrash': () => ok({ deleted: 4, keptAsReferences: 1 }) });
    await app.store.getState().emptyLibraryTrash();
    expect(notices(app)).toEqual([{ key: 'toast.trashEmptiedKept', count: 4, kept: 1 }]);
  });

  it('tags images with the name main settled on, and keeps the tag dialog open on a refusal', async () => {
    const app = await shownLibrary();
    app.fake.answer({ 'tags:add': ({ name }) => ok({ id: 2, name: name.trim(), imageCount: 2 }) });
    expect(await app.store.getState().tagLibraryImages([1, 2], ' dusk ')).toBe(true);
    expect(notices(app)).toEqual([{ key: 'toast.tagged', count: 2, name: 'dusk' }]);

    app.fake.answer({ 'tags:add': () => failed('A name cannot be empty.', 'invalid-input') });
    expect(await app.store.getState().tagLibraryImages([1], ' ')).toBe(false);
  });

  it('creates, renames and deletes collections, and leaves a deleted collection it was showing', async () => {
    const app = await shownLibrary();
    app.fake.answer({
      'collections:create': ({ name }) => ok({ id: 7, name, imageCount: 0 }),
      'collections:rename': ({ id, name }) => ok({ id, name, imageCount: 0 }),
      'collections:delete': () => ok(null),
    });
    const created = await app.store.getState().createLibraryCollection('Summer');
    expect(created).toMatchObject({ id: 7 });
    expect(await app.store.getState().renameLibraryCollection(7, 'Summer trips')).toBe(true);
    expect(app.store.getState().libraryCollections).toEqual([{ id: 7, name: 'Summer trips', imageCount: 0 }]);

    app.store.getState().setLibraryFilters({ collectionId: 7 });
    expect(await app.store.getState().deleteLibraryCollection(7)).toBe(true);
    expect(app.store.getState().libraryCollections).toEqual([]);
    expect(app.store.getState().libraryQuery.filters.collectionId).toBeNull();
  });

  it('removing images from the collection on screen takes them out of the list', async () => {
    const app = await shownLibrary();
    app.fake.answer({ 'collections:remove': () => ok(null) });
    app.store.getState().setLibraryFilters({ collectionId: 3 });
    await settle();
    await app.store.getState().removeFromLibraryCollection([10], { id: 3, name: 'Trips', imageCount: 4 });
    expect(app.store.getState().libraryItems.map((item) => item.id)).not.toContain(10);
    expect(notices(app)).toEqual([{ key: 'toast.removedFromCollection', count: 1, name: 'Trips' }]);
  });
});
