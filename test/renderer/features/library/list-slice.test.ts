import { describe, expect, it } from 'vitest';
import { refreshDelayMs, searchDebounceMs } from '../../../../src-renderer/features/library/list-controller';
import { selectIds } from '../../../../src-renderer/features/library/selection';
import { testApp } from '../../support/app-store';
import { newestFirst, pagedList } from '../../support/catalog';
import { settle } from '../../support/manual-timers';

function libraryApp(count = 300) {
  let images = newestFirst(count, (id) => (id % 2 === 0 ? `a red fox ${id}` : `a lighthouse ${id}`));
  const app = testApp({ 'library:list': pagedList(() => images) });
  return {
    ...app,
    setImages: (next: typeof images) => {
      images = next;
    },
  };
}

describe('the library list slice', () => {
  it('shows the answer to the newest search once typing pauses, and starts the grid over', async () => {
    const { store, clock, fake } = libraryApp();
    await store.getState().reloadLibrary();
    store.setState({ libraryFocus: 7, libraryTopEntry: 40, librarySelection: selectIds([300]) });
    const version = store.getState().libraryQueryVersion;

    store.getState().setLibraryText('fox');
    await clock.advance(searchDebounceMs);

    const state = store.getState();
    expect(fake.callsTo('library:list').at(-1)).toMatchObject({ query: 'fox' });
    expect(state.libraryTotal).toBe(150);
    expect(state.libraryItems.every((item) => item.prompt.includes('fox'))).toBe(true);
    expect(state.libraryQueryVersion).toBe(version + 1);
    expect(state).toMatchObject({ libraryFocus: 0, libraryTopEntry: 0, libraryLoading: false });
    expect(state.librarySelection.ids.size).toBe(0);
  });

  it('reads the first page and the sidebar ahead of the first visit, once, and catches up on opening', async () => {
    const { store, clock, fake, setImages } = libraryApp(100);
    const meta: number[] = [];
    store.setState({
      loadLibraryMeta: () => {
        meta.push(1);
        return Promise.resolve();
      },
    });
    store.getState().loadLibraryOnce();
    store.getState().loadLibraryOnce();
    await settle();
    expect(fake.callsTo('library:list')).toHaveLength(1);
    expect(store.getState().libraryItems).toHaveLength(100);
    expect(meta).toEqual([1]);
    store.getState().loadLibraryOnce();
    expect(fake.callsTo('library:list')).toHaveLength(1);

    // An image saved before the Library is opened is there when it is.
    setImages(newestFirst(101));
    fake.emit('library:changed', { reason: 'ingested' });
    store.getState().setLibraryVisible(true);
    await clock.advance(refreshDelayMs);
    expect(store.getState().libraryItems).toHaveLength(101);
  });

  it('asks at once for a filter or a sort, with the filter in the request', async () => {
    const { store, fake } = libraryApp();
    store.getState().setLibraryFilters({ favorite: true });
    store.getState().setLibrarySort('oldest');
    await settle();
    expect(fake.callsTo('library:list').map((input) => [input.filter, input.sort])).toEqual([
      [{ favorite: true }, 'newest'],
      [{ favorite: true }, 'oldest'],
    ]);
  });

  it('keeps the focus and the Shift anchor on the same images when new ones arrive at the head', async () => {
    const { store, clock, fake, setImages } = libraryApp(100);
    store.getState().watchLibraryChanges();
    store.getState().setLibraryVisible(true);
    await store.getState().reloadLibrary();
    store.setState({ libraryFocus: 5, librarySelection: { ids: new Set([95]), anchor: 5 } });

    setImages(newestFirst(102));
    // The sidebar's counts are read again too; that has its own test.
    store.setState({ loadLibraryMeta: () => Promise.resolve() });
    fake.emit('library:changed', { reason: 'ingested' });
    await clock.advance(refreshDelayMs);

    const state = store.getState();
    expect(state.libraryItems.slice(0, 3).map((item) => item.id)).toEqual([102, 101, 100]);
    expect(state.libraryFocus).toBe(7);
    expect(state.librarySelection.anchor).toBe(7);
  });

  it('keeps only the selected images still in the list after a full refresh', async () => {
    const { store, clock, setImages } = libraryApp(20);
    store.getState().setLibraryVisible(true);
    await store.getState().reloadLibrary();
    store.getState().setLibrarySelection(selectIds([20, 19, 18]));
    setImages(newestFirst(20).filter((item) => item.id !== 19));
    // The sidebar's counts are read again too; that has its own test.
    store.setState({ loadLibraryMeta: () => Promise.resolve() });
    store.getState().refreshLibrary('trashed');
    await clock.advance(refreshDelayMs);
    expect([...store.getState().librarySelection.ids]).toEqual([20, 18]);
  });

  it('shows a failed first page as the list error, and a retry clears it', async () => {
    const { store, fake } = libraryApp();
    fake.answer({ 'library:list': () => ({ ok: false, error: { code: 'internal', message: 'Locked.' } }) });
    await store.getState().reloadLibrary();
    expect(store.getState()).toMatchObject({ libraryLoading: false, libraryError: { message: 'Locked.' } });
    fake.answer({ 'library:list': pagedList(() => newestFirst(3)) });
    await store.getState().reloadLibrary();
    expect(store.getState()).toMatchObject({ libraryError: null, libraryTotal: 3 });
  });

  it('patches loaded images in place and takes out the ones that leave the view', async () => {
    const { store } = libraryApp(5);
    await store.getState().reloadLibrary();
    store
      .getState()
      .patchLibraryItems([5, 4], (item) => (item.id === 5 ? { ...item, favorite: true } : null));
    const state = store.getState();
    expect(state.libraryItems.map((item) => [item.id, item.favorite])).toEqual([
      [5, true],
      [3, false],
      [2, false],
      [1, false],
    ]);
    expect(state.libraryTotal).toBe(4);
  });

  it('follows main once however often it is asked to', () => {
    const { store, fake } = libraryApp();
    store.getState().watchLibraryChanges();
    store.getState().watchLibraryChanges();
    expect(fake.listenerCount('library:changed')).toBe(1);
  });
});
