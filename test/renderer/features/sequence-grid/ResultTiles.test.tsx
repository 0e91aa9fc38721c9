import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { JobSlot } from '../../../../src-preload/contract/ipc';
import { nextTile, ResultTiles } from '../../../../src-renderer/features/sequence-grid/ResultTiles';
import { renderWithStore, testApp } from '../../support/app-store';
import { ok } from '../../support/fake-api';
import { image } from '../../support/images';
import { generationRequest, job } from '../../support/jobs';
import { settle } from '../../support/manual-timers';

const slots: JobSlot[] = [0, 1, 2].map((index) => ({
  index,
  state: 'saved',
  image: image(index + 20, { prompt: 'three pears' }),
  error: null,
}));
const finished = job({
  phase: 'done',
  finishedAt: 5000,
  expected: 3,
  slots,
  request: generationRequest({ prompt: 'three pears' }),
});

function renderTiles(handlers: Parameters<typeof testApp>[0] = {}) {
  const app = testApp(handlers);
  app.store.getState().receiveSnapshot(finished);
  const opened: number[] = [];
  renderWithStore(
    <>
      <button type="button">before</button>
      <ResultTiles
        job={finished}
        tiles={slots}
        sideBySide={false}
        onOpen={(tile) => {
          opened.push(tile.index);
        }}
      />
      <button type="button">after</button>
    </>,
    app,
  );
  return { app, opened };
}

const cell = (position: number) =>
  screen.getByRole('gridcell', { name: `three pears (image ${position} of 3)` });

describe('<ResultTiles>', () => {
  it('is one Tab stop per job, and the arrow keys move inside it', async () => {
    renderTiles();
    screen.getByRole('button', { name: 'before' }).focus();
    await userEvent.tab();
    expect(document.activeElement).toBe(cell(1));
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(cell(2));
    await userEvent.keyboard('{End}');
    expect(document.activeElement).toBe(cell(3));
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'after' }));
    // Back into the grid lands on the tile last used.
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(cell(3));
    await userEvent.keyboard('{Home}');
    expect(document.activeElement).toBe(cell(1));
  });

  it('acts on the tile with the focus through the results’ shortcuts', async () => {
    const { app, opened } = renderTiles({
      'library:setFavorite': () => ok(null),
      'desktop:copyImage': () => ok(null),
    });
    cell(2).focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard(' ');
    expect(opened).toEqual([1, 1]);
    await userEvent.keyboard('f');
    expect(app.fake.callsTo('library:setFavorite')).toEqual([{ ids: [21], favorite: true }]);
    await userEvent.keyboard('r');
    expect(app.store.getState().references.map((reference) => reference.id)).toEqual([21]);
    await userEvent.keyboard('{Control>}c{/Control}');
    await act(settle);
    expect(app.fake.callsTo('desktop:copyImage')).toEqual([{ id: 21 }]);
    expect(within(cell(2)).getByRole('status').textContent).toBe('Copied');
  });

  it('moves up and down by the number of tiles in a row', () => {
    expect(nextTile('ArrowDown', 1, 7, 3)).toBe(4);
    expect(nextTile('ArrowDown', 5, 7, 3)).toBe(5);
    expect(nextTile('ArrowUp', 4, 7, 3)).toBe(1);
    expect(nextTile('ArrowUp', 1, 7, 3)).toBe(1);
    expect(nextTile('ArrowRight', 6, 7, 3)).toBe(6);
    expect(nextTile('ArrowLeft', 0, 7, 3)).toBe(0);
  });
});
