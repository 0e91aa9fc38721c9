import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ImageDetails } from '../../../../src-renderer/features/library/ImageDetails';
import { renderWithStore, testApp } from '../../support/app-store';
import { browsing, newestFirst } from '../../support/catalog';
import { failed, ok } from '../../support/fake-api';
import { settle } from '../../support/manual-timers';

async function openDetails(id: number) {
  const images = newestFirst(3, (index) => `a lantern ${index}`);
  const app = testApp({
    ...browsing(() => images),
    'desktop:copyImage': () => ok(null),
    'library:setFavorite': () => ok(null),
  });
  renderWithStore(<ImageDetails order={images} />, app);
  await act(async () => {
    app.store.getState().openLibraryDetail(id);
    await settle();
  });
  return app;
}

const dialog = () => screen.getByRole('dialog', { name: 'Image details' });

describe('<ImageDetails>', () => {
  it('shows the open image’s prompt and steps through the grid’s order with the arrow keys', async () => {
    await openDetails(2);
    expect(within(dialog()).getByRole('img', { name: 'a lantern 2' })).toBeTruthy();
    await userEvent.keyboard('{ArrowRight}');
    await act(settle);
    expect(within(dialog()).getByRole('img', { name: 'a lantern 1' })).toBeTruthy();
  });

  it('confirms a copied image with a toast', async () => {
    const app = await openDetails(3);
    await userEvent.click(within(dialog()).getByRole('button', { name: 'Copy image' }));
    expect(app.store.getState().toasts.map((toast) => toast.notice)).toEqual([{ key: 'toast.copiedImage' }]);
  });

  it('stars the image in place', async () => {
    const app = await openDetails(3);
    await userEvent.click(within(dialog()).getByRole('button', { name: 'Favorite' }));
    expect(within(dialog()).getByRole('button', { name: 'Unfavorite' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(app.fake.callsTo('library:setFavorite')).toEqual([{ ids: [3], favorite: true }]);
  });

  it('says why the details could not be read', async () => {
    const app = testApp({ 'library:detail': () => failed('That image is gone.', 'not-found') });
    renderWithStore(<ImageDetails order={[]} />, app);
    await act(async () => {
      app.store.getState().openLibraryDetail(9);
      await settle();
    });
    expect(within(dialog()).getByRole('alert').textContent).toBe('That image is gone.');
  });

  it('closes with Escape', async () => {
    const app = await openDetails(1);
    await userEvent.keyboard('{Escape}');
    expect(app.store.getState().libraryDetailId).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
