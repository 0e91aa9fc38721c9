import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Toasts } from '../../../src-renderer/app/Toasts';
import { renderWithStore, testApp } from '../support/app-store';

function renderToasts() {
  const app = testApp();
  renderWithStore(
    <>
      <button type="button">Elsewhere</button>
      <Toasts />
    </>,
    app,
  );
  return app;
}

const region = () => screen.getByRole('region', { name: /Notifications/ });

describe('<Toasts>', () => {
  it('shows each notice in the notifications region, translated', () => {
    const app = renderToasts();
    act(() => {
      app.store.getState().notify({ key: 'toast.trashed', count: 2 });
      app.store.getState().notifyFailure({ code: 'offline', message: 'No connection to the library.' });
    });
    const items = within(region()).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining('Moved 2 images to the trash'),
      expect.stringContaining('No connection to the library.'),
    ]);
  });

  it('undoes from the toast’s button and takes the toast away', async () => {
    const app = renderToasts();
    const undo = vi.fn();
    act(() => {
      app.store.getState().notify({ key: 'toast.trashed', count: 1 }, undo);
    });
    await userEvent.click(within(region()).getByRole('button', { name: 'Undo' }));
    expect(undo).toHaveBeenCalledTimes(1);
    expect(app.store.getState().toasts).toEqual([]);
    expect(within(region()).queryAllByRole('listitem')).toEqual([]);
  });

  it('closes with its dismiss button', async () => {
    const app = renderToasts();
    act(() => {
      app.store.getState().notify({ key: 'toast.copiedImage' });
    });
    await userEvent.click(within(region()).getByRole('button', { name: 'Dismiss' }));
    expect(app.store.getState().toasts).toEqual([]);
  });

  it('stays when Escape is pressed with the focus elsewhere, so Ctrl+Z can still undo', async () => {
    const app = renderToasts();
    act(() => {
      app.store.getState().notify({ key: 'toast.trashed', count: 1 }, () => undefined);
    });
    screen.getByRole('button', { name: 'Elsewhere' }).focus();
    await userEvent.keyboard('{Escape}');
    expect(app.store.getState().toasts).toHaveLength(1);
  });

  it('goes away by itself after a while', () => {
    vi.useFakeTimers();
    try {
      const app = renderToasts();
      act(() => {
        app.store.getState().notify({ key: 'toast.copiedImage' });
      });
      act(() => {
        vi.advanceTimersByTime(7_000);
      });
      expect(app.store.getState().toasts).toHaveLength(1);
      act(() => {
        vi.advanceTimersByTime(2_000);
      });
      expect(app.store.getState().toasts).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
