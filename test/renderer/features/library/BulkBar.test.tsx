import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BulkBar } from '../../../../src-renderer/features/library/BulkBar';
import { selectIds } from '../../../../src-renderer/features/library/selection';
import { renderWithStore, testApp } from '../../support/app-store';
import { browsing, newestFirst } from '../../support/catalog';
import { ok } from '../../support/fake-api';

async function withSelection(ids: number[], trashed = false) {
  const images = newestFirst(6);
  const app = testApp({
    ...browsing(() => images),
    'library:setFavorite': () => ok(null),
    'library:restore': () => ok(null),
  });
  app.store.getState().setLibraryFilters({ trashed });
  await app.store.getState().reloadLibrary();
  renderWithStore(<BulkBar />, app);
  act(() => {
    app.store.getState().setLibrarySelection(selectIds(ids));
  });
  return app;
}

describe('<BulkBar>', () => {
  it('is there only while something is selected', async () => {
    const app = await withSelection([]);
    expect(screen.queryByRole('toolbar', { name: 'Selected images' })).toBeNull();
    act(() => {
      app.store.getState().setLibrarySelection(selectIds([2]));
    });
    expect(screen.getByRole('toolbar', { name: 'Selected images' }).textContent).toContain('1 selected');
  });

  it('favorites every selected image at once', async () => {
    const app = await withSelection([6, 4, 2]);
    await userEvent.click(screen.getByRole('button', { name: 'Favorite' }));
    expect(app.fake.callsTo('library:setFavorite')).toEqual([{ ids: [6, 4, 2], favorite: true }]);
    expect(app.store.getState().toasts[0]?.notice).toEqual({ key: 'toast.favorited', count: 3 });
  });

  it('sends the selected images to the reference tray in list order', async () => {
    const app = await withSelection([2, 6]);
    await userEvent.click(screen.getByRole('button', { name: 'Use as references' }));
    expect(app.store.getState().references.map((item) => item.id)).toEqual([6, 2]);
    expect(app.store.getState().view).toBe('generate');
  });

  it('offers Restore instead in the trash', async () => {
    const app = await withSelection([3], true);
    expect(screen.queryByRole('button', { name: 'Favorite' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Restore' }));
    expect(app.fake.callsTo('library:restore')).toEqual([{ ids: [3] }]);
  });

  it('clears the selection', async () => {
    const app = await withSelection([1]);
    await userEvent.click(screen.getByRole('button', { name: 'Clear selection' }));
    expect(app.store.getState().librarySelection.ids.size).toBe(0);
  });
});
