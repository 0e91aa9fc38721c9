import { describe, expect, it } from 'vitest';
import { maxThumbSize } from '../../../../src-renderer/features/library/grid-model';
import { selectIds } from '../../../../src-renderer/features/library/selection';
import { testApp } from '../../support/app-store';
import { memoryStorage } from '../../support/memory-storage';

describe('the library preferences slice', () => {
  it('starts from what this machine remembered, and ignores what it cannot read', () => {
    const remembered = testApp(
      {},
      { storage: memoryStorage({ 'seedream.library.view': '{"grouping":"day","thumbSize":180}' }) },
    );
    expect(remembered.store.getState()).toMatchObject({ libraryGrouping: 'day', libraryThumbSize: 180 });

    const garbled = testApp({}, { storage: memoryStorage({ 'seedream.library.view': '{"grouping":7' }) });
    expect(garbled.store.getState().libraryGrouping).toBe('none');
  });

  it('remembers a new grouping, and starts the focus and selection over because entries changed', () => {
    const { store, storage } = testApp();
    store.setState({ libraryFocus: 9, librarySelection: selectIds([4]) });
    store.getState().setLibraryGrouping('generation');
    expect(store.getState()).toMatchObject({ libraryGrouping: 'generation', libraryFocus: 0 });
    expect(store.getState().librarySelection.ids.size).toBe(0);
    expect(JSON.parse(storage.getItem('seedream.library.view') ?? '{}')).toMatchObject({
      grouping: 'generation',
    });
  });

  it('keeps the thumbnail size within its bounds', () => {
    const { store, storage } = testApp();
    store.getState().setLibraryThumbSize(10_000);
    expect(store.getState().libraryThumbSize).toBe(maxThumbSize);
    expect(JSON.parse(storage.getItem('seedream.library.view') ?? '{}')).toMatchObject({
      thumbSize: maxThumbSize,
    });
  });

  it('still works when the browser refuses storage', () => {
    const { store } = testApp({}, { storage: null });
    store.getState().setLibraryGrouping('day');
    expect(store.getState().libraryGrouping).toBe('day');
  });
});
