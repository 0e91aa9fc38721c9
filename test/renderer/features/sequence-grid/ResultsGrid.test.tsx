import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ResultsGrid } from '../../../../src-renderer/features/sequence-grid/ResultsGrid';
import { renderWithStore, testApp } from '../../support/app-store';
import { ok } from '../../support/fake-api';
import { image } from '../../support/images';
import { job } from '../../support/jobs';

const finished = job({
  phase: 'done',
  expected: 3,
  finishedAt: 9000,
  usage: { generatedImages: 3, outputTokens: 49_152, totalTokens: 49_152 },
  cost: { micros: 120_000, currency: 'USD' },
  slots: [1, 2, 3].map((id, index) => ({
    index,
    state: 'saved' as const,
    image: image(id, { prompt: 'a paper boat' }),
    error: null,
  })),
});

function renderResults() {
  const app = testApp({
    'library:setFavorite': () => ok(null),
    'library:detail': () => new Promise(() => undefined),
  });
  act(() => {
    app.store.getState().receiveSnapshot(finished);
  });
  renderWithStore(<ResultsGrid />, app);
  return app;
}

const tile = (position: number) => screen.getAllByRole('gridcell')[position - 1] as HTMLElement;

describe('<ResultsGrid>', () => {
  it('opens a result in the same viewer as the library, stepping through the results', async () => {
    renderResults();
    await userEvent.click(within(tile(2)).getByRole('button', { name: 'Open full size' }));
    const viewer = screen.getByRole('dialog', { name: 'Viewer' });
    expect(within(viewer).getByText('2 of 3')).toBeTruthy();
    await userEvent.keyboard('{ArrowRight}');
    expect(within(viewer).getByText('3 of 3')).toBeTruthy();
  });

  it('offers the inspector’s actions on a right-click of a tile', async () => {
    const app = renderResults();
    fireEvent.contextMenu(tile(1));
    const menu = await screen.findByRole('menu');
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Show in library' }));
    expect(app.store.getState()).toMatchObject({ view: 'library', libraryDetailId: 1, libraryRevealId: 1 });
  });

  it('picks results with Ctrl+click or the check badge, and compares them', async () => {
    const app = renderResults();
    const user = userEvent.setup();
    await user.keyboard('{Control>}');
    await user.click(within(tile(1)).getByRole('img'));
    await user.keyboard('{/Control}');
    expect(screen.getByRole('button', { name: 'Compare' }).hasAttribute('disabled')).toBe(true);
    await user.click(within(tile(3)).getByRole('button', { name: 'Select' }));
    expect(within(tile(3)).getByRole('button', { name: 'Select' }).getAttribute('aria-pressed')).toBe('true');
    expect(app.store.getState().resultSelection).toEqual([1, 3]);
    await user.keyboard('c');
    const compare = screen.getByRole('dialog', { name: 'Compare' });
    expect(within(compare).getAllByRole('img')).toHaveLength(2);
  });

  it('picks results from the keyboard (Ctrl/Cmd+Space) and opens their menu with the menu key', async () => {
    const app = renderResults();
    const user = userEvent.setup();
    tile(1).focus();
    await user.keyboard('{Control>} {/Control}{ArrowRight}{Control>} {/Control}');
    expect(app.store.getState().resultSelection).toEqual([1, 2]);
    expect(tile(2).getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ContextMenu}');
    expect(await screen.findByRole('menu', { name: 'Actions for 2 images' })).toBeTruthy();
  });

  it('right-clicking a picked tile acts on every picked result', async () => {
    const app = renderResults();
    act(() => {
      app.store.getState().toggleResultSelection(2);
      app.store.getState().toggleResultSelection(3);
    });
    fireEvent.contextMenu(tile(3));
    const menu = await screen.findByRole('menu', { name: 'Actions for 2 images' });
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Favorite' }));
    expect(app.fake.callsTo('library:setFavorite')).toEqual([{ ids: [2, 3], favorite: true }]);
  });

  it('says what a job cost in images and money, not tokens', () => {
    renderResults();
    expect(screen.getByText('Billed for 3 images · Cost $0.12')).toBeTruthy();
    expect(screen.queryByText(/tokens/)).toBeNull();
  });
});
