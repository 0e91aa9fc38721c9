import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { LibraryImage } from '../../../../src-preload/contract/library-types';
import { LibraryView } from '../../../../src-renderer/features/library/LibraryView';
import { renderWithStore, testApp } from '../../support/app-store';
import { browsing, emptyStats, newestFirst, pagedList } from '../../support/catalog';
import { ok, type FakeHandlers } from '../../support/fake-api';
import { image } from '../../support/images';
import { withLayout } from '../../support/layout';
import { settle } from '../../support/manual-timers';

withLayout();

async function openLibrary(
  images: LibraryImage[] = newestFirst(12, (id) => `a lantern ${id}`),
  more: FakeHandlers = {},
) {
  const app = testApp(
    {
      ...browsing(() => images),
      'library:setFavorite': () => ok(null),
      'desktop:startDrag': () => ok(null),
      ...more,
    },
    { initialView: 'library' },
  );
  renderWithStore(<LibraryView />, app);
  await act(settle);
  return app;
}

const grid = () => screen.getByRole('grid', { name: 'Library images' });
function cell(name: string): HTMLElement {
  const found = within(grid()).getByRole('img', { name }).closest<HTMLElement>('[role="gridcell"]');
  if (!found) throw new Error(`No cell shows ${name}.`);
  return found;
}
/** A click with Ctrl held, as a user adds a cell to the selection. */
async function ctrlClick(element: HTMLElement) {
  const user = userEvent.setup();
  await user.keyboard('{Control>}');
  await user.click(element);
  await user.keyboard('{/Control}');
}

const inspector = () => screen.getByRole('region', { name: 'Image details' });

describe('<LibraryView>', () => {
  it('shows the selected image in the inspector beside the grid, and steps with Previous and Next', async () => {
    await openLibrary();
    await userEvent.click(cell('a lantern 10'));
    await act(settle);
    expect(within(inspector()).getByText('3 of 12')).toBeTruthy();
    expect(within(inspector()).getByRole('img', { name: 'a lantern 10' })).toBeTruthy();
    expect(grid()).toBeTruthy();

    await userEvent.click(within(inspector()).getByRole('button', { name: 'Next image' }));
    await act(settle);
    expect(within(inspector()).getByText('4 of 12')).toBeTruthy();
    expect(cell('a lantern 9').getAttribute('aria-selected')).toBe('true');
    expect(cell('a lantern 10').getAttribute('aria-selected')).toBe('false');
  });

  it('folds the request away and words it for people', async () => {
    const images = newestFirst(2);
    await openLibrary(images, {
      'library:detail': ({ id }) =>
        ok({
          image: image(id),
          generation: {
            id,
            prompt: 'p',
            model: 'doubao-seedream-4-0-250828',
            params: {
              model: 'doubao-seedream-4-0-250828',
              sequential_image_generation: 'auto',
              sequential_image_generation_options: { max_images: 4 },
            },
            usage: null,
            gateway: 'cometapi',
            pricePerImage: { micros: 30_000, currency: 'USD' },
            cost: { micros: 120_000, currency: 'USD' },
            status: 'succeeded',
            error: null,
            createdAt: 0,
            finishedAt: 2500,
          },
          references: [],
          derived: [],
          tags: [],
          collections: [],
        }),
    });
    await act(settle);
    const request = within(inspector()).getByText('Request').closest('details');
    expect(request?.open).toBe(false);
    expect(request?.textContent).toContain('4 images, sequence');
    expect(request?.textContent).toContain('Seedream 4.0');
    expect(request?.textContent).not.toContain('max_images');
    expect(within(inspector()).getByText('$0.12 ($0.03 per image)')).toBeTruthy();
  });

  it('puts lineage near the top as thumbnails that lead to those images', async () => {
    const images = newestFirst(3, (id) => `a lantern ${id}`);
    await openLibrary(images, {
      'library:detail': ({ id }) =>
        ok({
          image: image(id, { prompt: `a lantern ${id}` }),
          generation: null,
          references: id === 3 ? [image(1, { prompt: 'a lantern 1' })] : [],
          derived: id === 1 ? [image(3, { prompt: 'a lantern 3' })] : [],
          tags: [],
          collections: [],
        }),
    });
    const madeFrom = within(inspector()).getByRole('region', { name: 'Made from' });
    await userEvent.click(within(madeFrom).getByRole('button', { name: 'a lantern 1' }));
    await act(settle);
    expect(within(inspector()).getByRole('region', { name: 'Prompt' }).textContent).toContain('a lantern 1');
    expect(within(inspector()).getByRole('region', { name: 'Used in' })).toBeTruthy();
  });

  it('hides and shows the inspector with I', async () => {
    const app = await openLibrary();
    grid().focus();
    await userEvent.keyboard('i');
    expect(screen.queryByRole('region', { name: 'Image details' })).toBeNull();
    await userEvent.keyboard('i');
    expect(inspector()).toBeTruthy();
    expect(app.storage.getItem('seedream.library.view')).toContain('"inspector":true');
  });

  it('opens the focused image in the viewer with Space or Enter, and the viewer moves the grid along', async () => {
    const app = await openLibrary();
    await userEvent.click(cell('a lantern 11'));
    await userEvent.keyboard(' ');
    const viewer = screen.getByRole('dialog', { name: 'Viewer' });
    expect(within(viewer).getByRole('img', { name: 'a lantern 11' })).toBeTruthy();
    await userEvent.keyboard('{ArrowRight}');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(app.store.getState().libraryFocus).toBe(2);
    grid().focus();
    await userEvent.keyboard('{Enter}');
    expect(within(screen.getByRole('dialog', { name: 'Viewer' })).getByText('3 of 12')).toBeTruthy();
  });

  it('marks the selection apart from the focus: Ctrl+Space and the check badge add to it', async () => {
    await openLibrary();
    await userEvent.click(cell('a lantern 12'));
    await userEvent.keyboard('{ArrowRight}');
    expect(cell('a lantern 11').getAttribute('aria-selected')).toBe('false');
    expect(grid().getAttribute('aria-activedescendant')).toBe(cell('a lantern 11').id);
    await userEvent.keyboard('{Control>} {/Control}');
    expect(cell('a lantern 11').getAttribute('aria-selected')).toBe('true');
    const badge = cell('a lantern 8').querySelector('[data-check]');
    if (!badge) throw new Error('Cells carry a check badge.');
    await userEvent.click(badge);
    expect(
      within(screen.getByRole('toolbar', { name: 'Selected images' })).getByText('3 selected'),
    ).toBeTruthy();
  });

  it('puts the selection’s actions in place of the toolbar, and back', async () => {
    await openLibrary();
    expect(screen.getByRole('searchbox', { name: 'Search library' })).toBeTruthy();
    await userEvent.click(cell('a lantern 12'));
    expect(screen.queryByRole('searchbox')).toBeNull();
    expect(screen.getByRole('toolbar', { name: 'Selected images' })).toBeTruthy();
    await userEvent.keyboard('{Escape}');
    expect(screen.getByRole('searchbox', { name: 'Search library' })).toBeTruthy();
  });

  it('compares two to four selected images with C, and says why not otherwise', async () => {
    const app = await openLibrary();
    await userEvent.click(cell('a lantern 12'));
    await userEvent.keyboard('c');
    expect(screen.queryByRole('dialog', { name: 'Compare' })).toBeNull();
    expect(app.store.getState().toasts[0]?.notice).toEqual({ key: 'toast.compareCount', count: 1 });
    await ctrlClick(cell('a lantern 10'));
    await userEvent.keyboard('c');

    const compare = screen.getByRole('dialog', { name: 'Compare' });
    expect(
      within(compare)
        .getAllByRole('img')
        .map((image) => image.getAttribute('alt')),
    ).toEqual(['Image 1: a lantern 12', 'Image 2: a lantern 10']);
  });

  it('offers the inspector’s actions on a right-click, for the cell it lands on', async () => {
    const app = await openLibrary();
    fireEvent.contextMenu(cell('a lantern 9'));
    const menu = await screen.findByRole('menu');
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(
      expect.arrayContaining([
        'Open in viewerSpace',
        'Favorite',
        'Use as reference',
        'Edit',
        'Copy image',
        'DeleteDel',
      ]),
    );
    // The menu is modal: the grid behind it is hidden from the accessibility tree while it is open.
    expect([...app.store.getState().librarySelection.ids]).toEqual([9]);
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Favorite' }));
    expect(app.fake.callsTo('library:setFavorite')).toEqual([{ ids: [9], favorite: true }]);
  });

  it('opens the context menu of the focused cell with the menu key', async () => {
    await openLibrary();
    await userEvent.click(cell('a lantern 12'));
    await ctrlClick(cell('a lantern 11'));
    await userEvent.keyboard('{ContextMenu}');
    const menu = await screen.findByRole('menu', { name: 'Actions for 2 images' });
    expect(within(menu).getByRole('menuitem', { name: /Compare/ })).toBeTruthy();
  });

  it('drags images out as files (the HTML5 drag cancelled), and a drop inside takes them as they are', async () => {
    const app = await openLibrary();
    await userEvent.click(cell('a lantern 12'));
    await ctrlClick(cell('a lantern 11'));
    const started = fireEvent.dragStart(within(cell('a lantern 11')).getByRole('img'));
    expect(started).toBe(false);
    await act(settle);
    expect(app.fake.callsTo('desktop:startDrag')).toEqual([{ ids: [12, 11] }]);

    // The OS drag comes back into the window carrying the files; the zone knows them for the app's images.
    const zone = screen.getByRole('region', { name: 'Use as references' });
    fireEvent.dragOver(zone, { dataTransfer: { types: ['Files'], files: [] } });
    fireEvent.drop(zone, { dataTransfer: { types: ['Files'], files: [] } });
    expect(app.store.getState().references.map((image) => image.id)).toEqual([12, 11]);
    expect(app.store.getState()).toMatchObject({ view: 'generate', inAppDrag: null });
  });

  it('ends a drag that was dropped outside at the next movement of the pointer', async () => {
    const app = await openLibrary();
    fireEvent.dragStart(within(cell('a lantern 5')).getByRole('img'));
    expect(screen.getByRole('region', { name: 'Use as references' })).toBeTruthy();
    act(() => {
      window.dispatchEvent(new MouseEvent('pointermove', { buttons: 0 }));
    });
    expect(app.store.getState().inAppDrag).toBeNull();
    expect(screen.queryByRole('region', { name: 'Use as references' })).toBeNull();
  });

  it('says "at least" for a total main stopped counting', async () => {
    const images = newestFirst(2000, (id) => `a lantern ${id}`);
    await openLibrary(images, { 'library:list': pagedList(() => images, 20) });
    expect(screen.getByRole('status', { name: 'Result count' }).textContent).toBe('20+ images');
  });

  it('offers Generate and Import in an empty library', async () => {
    const app = await openLibrary([]);
    expect(screen.getByRole('heading', { name: 'Your library is empty' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Import' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Generate' }));
    expect(app.store.getState().view).toBe('generate');
  });

  it('has no active Empty trash when the trash is empty', async () => {
    const app = await openLibrary([], { 'library:stats': () => ok({ ...emptyStats }) });
    await userEvent.click(screen.getByRole('button', { name: 'Trash' }));
    await act(settle);
    expect(app.store.getState().libraryQuery.filters.trashed).toBe(true);
    expect(screen.getByRole('button', { name: 'Empty trash' }).hasAttribute('disabled')).toBe(true);
  });
});
