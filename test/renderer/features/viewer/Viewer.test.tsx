import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { LibraryImage } from '../../../../src-preload/contract/library-types';
import { Viewer } from '../../../../src-renderer/features/viewer/Viewer';
import { renderWithStore, testApp } from '../../support/app-store';
import { ok } from '../../support/fake-api';
import { image } from '../../support/images';

const images = [1, 2, 3].map((id) => image(id, { prompt: `a lantern ${id}` }));

function Harness({
  start,
  onClose,
  onNearEnd,
}: {
  start: number;
  onClose: () => void;
  onNearEnd?: () => void;
}) {
  const [openId, setOpenId] = useState<number | null>(start);
  return (
    <Viewer
      images={images}
      openId={openId}
      total={42}
      onShow={(shown: LibraryImage) => {
        setOpenId(shown.id);
      }}
      onClose={() => {
        setOpenId(null);
        onClose();
      }}
      onNearEnd={onNearEnd}
    />
  );
}

function openViewer(start = 2, handlers = {}) {
  const app = testApp({ 'library:setFavorite': () => ok(null), ...handlers });
  const onClose = vi.fn();
  const onNearEnd = vi.fn();
  renderWithStore(<Harness start={start} onClose={onClose} onNearEnd={onNearEnd} />, app);
  return { app, onClose, onNearEnd };
}

const viewer = () => screen.getByRole('dialog', { name: 'Viewer' });

describe('<Viewer>', () => {
  it('shows the whole image with its place in the source', () => {
    openViewer();
    expect(within(viewer()).getByRole('img', { name: 'a lantern 2' })).toBeTruthy();
    expect(within(viewer()).getByText('2 of 42')).toBeTruthy();
    expect(within(viewer()).getByRole('button', { name: 'Fit to window' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });

  it('steps with the arrow keys and the Previous and Next buttons, which stop at the ends', async () => {
    openViewer();
    await userEvent.keyboard('{ArrowRight}');
    expect(within(viewer()).getByRole('img', { name: 'a lantern 3' })).toBeTruthy();
    expect(within(viewer()).getByRole('button', { name: 'Next image' }).hasAttribute('disabled')).toBe(true);
    await userEvent.click(within(viewer()).getByRole('button', { name: 'Previous image' }));
    await userEvent.click(within(viewer()).getByRole('button', { name: 'Previous image' }));
    expect(within(viewer()).getByRole('img', { name: 'a lantern 1' })).toBeTruthy();
    expect(within(viewer()).getByRole('button', { name: 'Previous image' }).hasAttribute('disabled')).toBe(
      true,
    );
  });

  it('asks for more images near the end of what is loaded', () => {
    const { onNearEnd } = openViewer(3);
    expect(onNearEnd).toHaveBeenCalled();
  });

  it('zooms with buttons and keys, and 0 fits again', async () => {
    openViewer();
    const fitButton = () => within(viewer()).getByRole('button', { name: 'Fit to window' });
    await userEvent.click(within(viewer()).getByRole('button', { name: 'Zoom in' }));
    expect(fitButton().getAttribute('aria-pressed')).toBe('false');
    expect(fitButton().textContent).toBe('150%');
    await userEvent.keyboard('0');
    expect(fitButton().getAttribute('aria-pressed')).toBe('true');
    await userEvent.keyboard('1');
    expect(fitButton().textContent).toBe('100%');
    // A new image starts again at fit.
    await userEvent.keyboard('{ArrowLeft}');
    expect(fitButton().getAttribute('aria-pressed')).toBe('true');
  });

  it('picks an image from the filmstrip', async () => {
    openViewer();
    const strip = within(viewer()).getByRole('navigation', { name: 'Filmstrip' });
    expect(within(strip).getByRole('button', { name: 'a lantern 2' }).getAttribute('aria-current')).toBe(
      'true',
    );
    await userEvent.click(within(strip).getByRole('button', { name: 'a lantern 1' }));
    expect(within(viewer()).getByRole('img', { name: 'a lantern 1' })).toBeTruthy();
  });

  it('favorites the image it shows', async () => {
    const { app } = openViewer();
    await userEvent.click(within(viewer()).getByRole('button', { name: 'Favorite' }));
    await userEvent.keyboard('.');
    expect(app.fake.callsTo('library:setFavorite')).toEqual([
      { ids: [2], favorite: true },
      { ids: [2], favorite: true },
    ]);
  });

  it('opens the image in the Edit view as the base', async () => {
    const { app } = openViewer();
    await userEvent.click(within(viewer()).getByRole('button', { name: 'Edit' }));
    expect(app.store.getState().editBase?.id).toBe(2);
    expect(app.store.getState().view).toBe('edit');
  });

  it('closes with its button, Escape and Space', async () => {
    const first = openViewer();
    await userEvent.click(within(viewer()).getByRole('button', { name: 'Close viewer' }));
    expect(first.onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it.each([['{Escape}'], [' ']])('closes with %s', async (keys) => {
    const { onClose } = openViewer();
    await userEvent.keyboard(keys);
    expect(onClose).toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
