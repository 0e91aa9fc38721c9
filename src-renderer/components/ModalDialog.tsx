import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import * as Dialog from '@radix-ui/react-dialog';

interface ModalDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The content box's class: `dialog` for the small forms, or a view's own frame. */
  className: string;
  overlayClassName?: string;
  /** True when the children hold a `Dialog.Description`; otherwise Radix is told there is none. */
  described?: boolean;
  onKeyDown?: (event: KeyboardEvent<HTMLDivElement>) => void;
  /** Where the focus goes on opening; Radix's default is the first focusable element. */
  onOpenAutoFocus?: (event: Event) => void;
  children: ReactNode;
}

/**
 * Radix's modal dialog with the app's overlay. Escape closes it even when a toast appeared after it opened:
 * Radix hands Escape only to its newest layer, which is then the toast, and the toast lets it through
 * (app/Toasts.tsx); when the dialog itself gets Escape, Radix has already closed it and marked the event.
 *
 * These dialogs open from state, not from a Radix trigger, and Radix returns the focus only to a trigger: on
 * closing, the focus goes back to where it was when the dialog opened (a result tile, the library grid), unless
 * whatever closed the dialog has put it somewhere already.
 */
export function ModalDialog({
  open,
  onOpenChange,
  className,
  overlayClassName = 'dialog-overlay',
  described = false,
  onKeyDown,
  onOpenAutoFocus,
  children,
}: ModalDialogProps) {
  const returnTo = useRef<HTMLElement | null>(null);
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className={overlayClassName} />
        <Dialog.Content
          className={className}
          {...(described ? {} : { 'aria-describedby': undefined })}
          onOpenAutoFocus={(event) => {
            returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
            onOpenAutoFocus?.(event);
          }}
          onCloseAutoFocus={(event) => {
            const target = returnTo.current;
            returnTo.current = null;
            const focusLost = document.activeElement === null || document.activeElement === document.body;
            if (!target?.isConnected || !focusLost) return;
            event.preventDefault();
            target.focus();
          }}
          onKeyDown={(event) => {
            onKeyDown?.(event);
            if (event.key === 'Escape' && !event.defaultPrevented) onOpenChange(false);
          }}
        >
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
