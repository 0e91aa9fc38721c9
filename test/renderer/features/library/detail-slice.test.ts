import { describe, expect, it } from 'vitest';
import type { Result } from '../../../../src-preload/contract/errors';
import type { ImageDetail } from '../../../../src-preload/contract/library-types';
import { testApp } from '../../support/app-store';
import { detailOf } from '../../support/catalog';
import { deferred, failed, ok } from '../../support/fake-api';
import { image } from '../../support/images';
import { settle } from '../../support/manual-timers';

describe('the library detail slice', () => {
  it('shows the newest image asked for even when an older answer arrives last', async () => {
    const answers = new Map<number, ReturnType<typeof deferred<Result<ImageDetail>>>>();
    const { store } = testApp({
      'library:detail': ({ id }) => {
        const answer = deferred<Result<ImageDetail>>();
        answers.set(id, answer);
        return answer.promise;
      },
    });
    store.getState().openLibraryDetail(1);
    store.getState().openLibraryDetail(2);
    answers.get(2)?.resolve(ok(detailOf(image(2))));
    await settle();
    answers.get(1)?.resolve(ok(detailOf(image(1))));
    await settle();
    expect(store.getState().libraryDetailId).toBe(2);
    expect(store.getState().libraryDetail?.image.id).toBe(2);
  });

  it('drops an answer that arrives after the dialog closed', async () => {
    const answer = deferred<Result<ImageDetail>>();
    const { store } = testApp({ 'library:detail': () => answer.promise });
    store.getState().showInLibrary(3);
    store.getState().closeLibraryDetail();
    answer.resolve(ok(detailOf(image(3))));
    await settle();
    expect(store.getState()).toMatchObject({ libraryDetailId: null, libraryDetail: null });
  });

  it('shows why the details could not be read', async () => {
    const { store } = testApp({ 'library:detail': () => failed('That image is gone.', 'not-found') });
    store.getState().openLibraryDetail(4);
    await settle();
    expect(store.getState()).toMatchObject({
      libraryDetailId: 4,
      libraryDetail: null,
      libraryDetailError: { code: 'not-found', message: 'That image is gone.' },
    });
  });

  it('patches the open image when it is among the changed ones', async () => {
    const { store } = testApp({ 'library:detail': ({ id }) => ok(detailOf(image(id))) });
    store.getState().openLibraryDetail(5);
    await settle();
    store.getState().patchLibraryDetail([1, 2], (item) => ({ ...item, favorite: true }));
    expect(store.getState().libraryDetail?.image.favorite).toBe(false);
    store.getState().patchLibraryDetail([5], (item) => ({ ...item, favorite: true }));
    expect(store.getState().libraryDetail?.image.favorite).toBe(true);
  });

  it('copies the prompt and says so, or says why not', async () => {
    const app = testApp();
    await app.store.getState().copyLibraryPrompt('a red fox');
    expect(app.clipboard).toEqual(['a red fox']);
    expect(app.store.getState().toasts.map((toast) => toast.notice)).toEqual([{ key: 'toast.copiedPrompt' }]);

    const denied = testApp({}, { clipboard: { writeText: () => Promise.reject(new Error('Not allowed.')) } });
    await denied.store.getState().copyLibraryPrompt('a red fox');
    expect(denied.store.getState().toasts.map((toast) => toast.notice)).toEqual([
      { key: 'toast.failed', message: 'Not allowed.' },
    ]);
  });

  it('says why an image could not be shown in its folder', async () => {
    const { store, fake } = testApp({ 'desktop:reveal': () => failed('The file is missing.') });
    await store.getState().revealLibraryImage(6);
    expect(fake.callsTo('desktop:reveal')).toEqual([{ id: 6 }]);
    expect(store.getState().toasts[0]?.notice).toEqual({
      key: 'toast.failed',
      message: 'The file is missing.',
    });
  });
});
