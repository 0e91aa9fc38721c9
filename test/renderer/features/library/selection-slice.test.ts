import { describe, expect, it } from 'vitest';
import { selectIds } from '../../../../src-renderer/features/library/selection';
import { testApp } from '../../support/app-store';
import { newestFirst, pagedList } from '../../support/catalog';

describe('the library selection slice', () => {
  it('selects all loads every page first, so the selection covers images not yet scrolled to', async () => {
    const images = newestFirst(700);
    const { store, clock, fake } = testApp({ 'library:list': pagedList(() => images) });
    await store.getState().reloadLibrary();
    expect(store.getState().libraryItems.length).toBeLessThan(700);

    const selecting = store.getState().selectAllLibrary();
    await clock.advance(0);
    await selecting;

    expect(store.getState().librarySelection.ids.size).toBe(700);
    expect(fake.callsTo('library:list').length).toBeGreaterThan(1);
  });

  it('opening or closing a stack keeps the selection but forgets the Shift anchor, whose entry moved', () => {
    const { store } = testApp();
    store.getState().setLibrarySelection({ ids: new Set([1, 2]), anchor: 3 });
    store.getState().toggleLibraryStack(9);
    expect([...store.getState().libraryOpenStacks]).toEqual([9]);
    expect(store.getState().librarySelection).toEqual({ ids: new Set([1, 2]), anchor: null });
    store.getState().toggleLibraryStack(9);
    expect(store.getState().libraryOpenStacks.size).toBe(0);
  });

  it('drops images that left the list from the selection', () => {
    const { store } = testApp();
    store.getState().setLibrarySelection(selectIds([1, 2, 3]));
    store.getState().deselectLibraryImages([2, 9]);
    expect([...store.getState().librarySelection.ids]).toEqual([1, 3]);
  });

  it('keeps the focus and the scroll position it is given', () => {
    const { store } = testApp();
    store.getState().setLibraryFocus(12);
    store.getState().setLibraryTopEntry(40);
    expect(store.getState()).toMatchObject({ libraryFocus: 12, libraryTopEntry: 40 });
  });
});
