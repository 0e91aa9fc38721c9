import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ResultTile } from '../../../../src-renderer/features/sequence-grid/ResultTile';
import { renderWithStore, testApp } from '../../support/app-store';
import { failed, ok } from '../../support/fake-api';
import { image } from '../../support/images';
import { job } from '../../support/jobs';

const finished = job({
  phase: 'done',
  expected: 1,
  slots: [{ index: 0, state: 'saved', image: image(5, { prompt: 'a paper boat' }), error: null }],
});

function renderTile(app = testApp()) {
  app.store.getState().receiveSnapshot(finished);
  const tile = app.store.getState().jobs[0]?.slots[0];
  if (!tile) throw new Error('The job has a tile.');
  renderWithStore(
    <ResultTile
      job={finished}
      tile={tile}
      position={1}
      total={1}
      tabbable
      onFocus={() => undefined}
      onOpen={() => undefined}
    />,
    app,
  );
  return app;
}

describe('<ResultTile>', () => {
  it('confirms a copy on the tile itself, and only when it worked', async () => {
    const app = renderTile(testApp({ 'desktop:copyImage': () => ok(null) }));
    // The live region is there before the copy, so a screen reader announces what appears in it.
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('');
    await userEvent.click(screen.getByRole('button', { name: 'Copy image' }));
    await waitFor(() => {
      expect(status.textContent).toBe('Copied');
    });
    expect(app.store.getState().toasts).toEqual([]);
  });

  it('leaves the failure to a toast when the copy did not work', async () => {
    const app = renderTile(testApp({ 'desktop:copyImage': () => failed('The file is missing.') }));
    await userEvent.click(screen.getByRole('button', { name: 'Copy image' }));
    expect(screen.getByRole('status').textContent).toBe('');
    expect(app.store.getState().toasts[0]?.notice).toEqual({
      key: 'toast.failed',
      message: 'The file is missing.',
    });
  });

  it('opens the image in Edit as the base', async () => {
    const app = renderTile();
    await userEvent.click(screen.getByRole('button', { name: 'Edit' }));
    expect(app.store.getState().view).toBe('edit');
    expect(app.store.getState().editBase?.id).toBe(5);
  });

  it('favorites the image through the shared action', async () => {
    const app = renderTile(testApp({ 'library:setFavorite': () => ok(null) }));
    await userEvent.click(screen.getByRole('button', { name: 'Favorite' }));
    expect(app.fake.callsTo('library:setFavorite')).toEqual([{ ids: [5], favorite: true }]);
    expect(app.store.getState().jobs[0]?.slots[0]?.image?.favorite).toBe(true);
  });

  it('shows the image in the library', async () => {
    const app = renderTile(testApp({ 'library:detail': () => new Promise(() => undefined) }));
    await userEvent.click(screen.getByRole('button', { name: 'Show in library' }));
    expect(app.store.getState()).toMatchObject({ view: 'library', libraryDetailId: 5 });
  });
});
