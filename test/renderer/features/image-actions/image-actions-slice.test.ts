import { describe, expect, it } from 'vitest';
import { refreshDelayMs } from '../../../../src-renderer/features/library/list-controller';
import { testApp } from '../../support/app-store';
import { browsing, newestFirst } from '../../support/catalog';
import { failed, ok } from '../../support/fake-api';
import { image } from '../../support/images';
import { generationRequest, job } from '../../support/jobs';
import { settle } from '../../support/manual-timers';

/** A library showing images 1 to 5 with image 5's details open, and a job whose tile shows image 5. */
async function everywhere() {
  const images = newestFirst(5);
  const app = testApp(browsing(() => images));
  app.store.getState().setLibraryVisible(true);
  await app.store.getState().reloadLibrary();
  app.store.getState().openLibraryDetail(5);
  app.store
    .getState()
    .receiveSnapshot(
      job({ phase: 'done', slots: [{ index: 0, state: 'saved', image: image(5), error: null }] }),
    );
  await settle();
  return app;
}

const favoriteEverywhere = (app: Awaited<ReturnType<typeof everywhere>>) => {
  const state = app.store.getState();
  return [
    state.libraryItems.find((item) => item.id === 5)?.favorite,
    state.libraryDetail?.image.favorite,
    state.jobs[0]?.slots[0]?.image?.favorite,
  ];
};

describe('the image actions slice', () => {
  it('shows a favorite at once in the library, the details and the result tile', async () => {
    const app = await everywhere();
    app.fake.answer({ 'library:setFavorite': () => ok(null) });
    const saving = app.store.getState().setFavorite([5], true);
    expect(favoriteEverywhere(app)).toEqual([true, true, true]);
    await saving;
    expect(app.fake.callsTo('library:setFavorite')).toEqual([{ ids: [5], favorite: true }]);
    // One image needs no toast: its star says it.
    expect(app.store.getState().toasts).toEqual([]);
  });

  it('counts a favorite of several images in a toast', async () => {
    const app = await everywhere();
    app.fake.answer({ 'library:setFavorite': () => ok(null) });
    await app.store.getState().setFavorite([5, 4, 3], false);
    expect(app.store.getState().toasts.map((toast) => toast.notice)).toEqual([
      { key: 'toast.unfavorited', count: 3 },
    ]);
  });

  it('puts the star back everywhere and says why when main refuses', async () => {
    const app = await everywhere();
    app.fake.answer({ 'library:setFavorite': () => failed('The catalog is read-only.') });
    await app.store.getState().setFavorite([5], true);
    expect(app.store.getState().toasts.map((toast) => toast.notice)).toEqual([
      { key: 'toast.failed', message: 'The catalog is read-only.' },
    ]);
    expect(app.store.getState().jobs[0]?.slots[0]?.image?.favorite).toBe(false);
    await app.clock.advance(refreshDelayMs);
    expect(favoriteEverywhere(app)).toEqual([false, false, false]);
  });

  it('unfavoriting in the favorites view takes the image out of the list', async () => {
    const app = await everywhere();
    app.fake.answer({ 'library:setFavorite': () => ok(null) });
    const { libraryQuery } = app.store.getState();
    app.store.setState({
      libraryQuery: { ...libraryQuery, filters: { ...libraryQuery.filters, favorite: true } },
    });
    await app.store.getState().setFavorite([4], false);
    expect(app.store.getState().libraryItems.map((item) => item.id)).toEqual([5, 3, 2, 1]);
  });

  it('answers whether an image was copied, showing why not', async () => {
    const app = testApp({
      'desktop:copyImage': ({ id }) => (id === 1 ? ok(null) : failed('The file is missing.')),
    });
    expect(await app.store.getState().copyImage(1)).toBe(true);
    expect(app.store.getState().toasts).toEqual([]);
    expect(await app.store.getState().copyImage(2)).toBe(false);
    expect(app.store.getState().toasts[0]?.notice).toEqual({
      key: 'toast.failed',
      message: 'The file is missing.',
    });
  });

  it('remixes into Generate from anywhere: the draft, the references, the view', async () => {
    const request = generationRequest({
      prompt: 'a lighthouse at dusk',
      sequential: 'disabled',
      maxImages: 1,
    });
    const app = await everywhere();
    app.store.getState().navigate('library');
    app.fake.answer({ 'generation:remix': () => ok({ request, references: [image(2), image(3)] }) });
    await app.store.getState().remix(9);
    const state = app.store.getState();
    expect(app.fake.callsTo('generation:remix')).toEqual([{ generationId: 9 }]);
    expect(state.draft.prompt).toBe('a lighthouse at dusk');
    expect(state.references.map((item) => item.id)).toEqual([2, 3]);
    expect(state).toMatchObject({ view: 'generate', viewer: null });
  });

  it('stays where it is and says why when a remix cannot be read', async () => {
    const app = testApp({ 'generation:remix': () => failed('That generation is gone.', 'not-found') });
    app.store.getState().navigate('library');
    await app.store.getState().remix(9);
    expect(app.store.getState().view).toBe('library');
    expect(app.store.getState().toasts[0]?.notice).toEqual({
      key: 'toast.failed',
      message: 'That generation is gone.',
    });
  });

  it('sends images to the reference tray and goes to Generate, unless there are none', () => {
    const app = testApp();
    app.store.getState().navigate('library');
    app.store.getState().sendToReferenceTray([]);
    expect(app.store.getState().view).toBe('library');
    app.store.getState().sendToReferenceTray([image(1), image(2)]);
    expect(app.store.getState().references.map((item) => item.id)).toEqual([1, 2]);
    expect(app.store.getState().view).toBe('generate');
  });

  it('says so when the files for an OS drag cannot be handed over, and forgets the drag', async () => {
    const app = testApp({ 'desktop:startDrag': () => failed('The file is missing.') });
    await app.store.getState().startImageDrag([image(4), image(7)]);
    expect(app.fake.callsTo('desktop:startDrag')).toEqual([{ ids: [4, 7] }]);
    expect(app.store.getState().inAppDrag).toBeNull();
    expect(app.store.getState().toasts[0]?.notice).toEqual({
      key: 'toast.failed',
      message: 'The file is missing.',
    });
  });

  it('keeps the images of a drag under way until a drop inside the app takes them', async () => {
    const app = testApp({ 'desktop:startDrag': () => ok(null) });
    await app.store.getState().startImageDrag([image(4)]);
    expect(app.store.getState().inAppDrag?.map((item) => item.id)).toEqual([4]);
    expect(
      app.store
        .getState()
        .takeImageDrag()
        ?.map((item) => item.id),
    ).toEqual([4]);
    expect(app.store.getState().takeImageDrag()).toBeNull();
  });

  it('starts an edit with the image first in the tray, closing the viewer', () => {
    const app = testApp();
    app.store.getState().addReferences([image(1), image(2)]);
    app.store.getState().openViewer('library', 2);
    app.store.getState().editImage(image(2));
    expect(app.store.getState().references.map((item) => item.id)).toEqual([2, 1]);
    expect(app.store.getState()).toMatchObject({ viewer: null, view: 'generate' });
  });
});
