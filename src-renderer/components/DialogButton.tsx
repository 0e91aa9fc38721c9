import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { ModalDialog } from './ModalDialog';

interface DialogButtonProps {
  /** The button's text, which names what it opens. */
  label: string;
  /** The dialog's title, which is also its accessible name. */
  title: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  buttonClassName?: string;
  children: ReactNode;
}

/** A button and the wide dialog it opens (Batch…, Compare models, Prompt library). */
export function DialogButton({
  label,
  title,
  open,
  onOpenChange,
  buttonClassName = 'button',
  children,
}: DialogButtonProps) {
  return (
    <>
      <button
        type="button"
        className={buttonClassName}
        onClick={() => {
          onOpenChange(true);
        }}
      >
        {label}
      </button>
      <ModalDialog open={open} onOpenChange={onOpenChange} className="dialog dialog--wide">
        <Dialog.Title className="dialog__title">{title}</Dialog.Title>
        {children}
      </ModalDialog>
    </>
  );
}
