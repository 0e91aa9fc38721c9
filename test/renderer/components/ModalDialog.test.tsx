import { act, screen } from '@testing-library/react';
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

describe('<ModalDialog>', () => {
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
