import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import * as Dialog from '@radix-ui/react-dialog';
import { describe, expect, it } from 'vitest';
import { Toasts } from '../../../src-renderer/app/Toasts';
import { ModalDialog } from '../../../src-renderer/components/ModalDialog';
import { renderWithStore, testApp } from '../support/app-store';

function DialogWithToasts({ onClose }: { onClose: () => void }) {
  const [open, setOpen] = useState(true);
  return (
    <>
      <ModalDialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) onClose();
        }}
        className="dialog"
      >
        <Dialog.Title>Image details</Dialog.Title>
        <button type="button">Copy prompt</button>
      </ModalDialog>
      <Toasts />
    </>
  );
}

/** A dialog opened from state by a button, as the viewer is opened from a tile. */
function OpenedFromState() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setOpen(true);
        }}
      >
        Look
      </button>
      <ModalDialog open={open} onOpenChange={setOpen} className="dialog">
        <Dialog.Title>Viewer</Dialog.Title>
        <button type="button">Zoom in</button>
      </ModalDialog>
    </>
  );
}

describe('<ModalDialog>', () => {
  it('gives the focus back to where it was when it opened', async () => {
    render(<OpenedFromState />);
    await userEvent.click(screen.getByRole('button', { name: 'Look' }));
    expect(screen.getByRole('dialog', { name: 'Viewer' })).toBeTruthy();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Look' }));
  });

  it('closes on Escape', async () => {
    let closed = 0;
    renderWithStore(<DialogWithToasts onClose={() => (closed += 1)} />, testApp());
    await userEvent.keyboard('{Escape}');
    expect(closed).toBe(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('still closes on Escape when a toast appeared after it opened, and the toast stays', async () => {
    const app = testApp();
    let closed = 0;
    renderWithStore(<DialogWithToasts onClose={() => (closed += 1)} />, app);
    screen.getByRole('button', { name: 'Copy prompt' }).focus();
    act(() => {
      app.store.getState().notify({ key: 'toast.copiedPrompt' });
    });
    await userEvent.keyboard('{Escape}');
    expect(closed).toBe(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(app.store.getState().toasts).toHaveLength(1);
  });
});
