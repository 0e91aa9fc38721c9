import { useState } from 'react';
import * as Dialog from '@radix-ui/react-dialog';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from './ModalDialog';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  onOpenChange: (open: boolean) => void;
  onConfirm: () => Promise<unknown>;
}

/** Asks before something that cannot be undone; the button names what will happen. */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  onOpenChange,
  onConfirm,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <ModalDialog open={open} onOpenChange={onOpenChange} className="dialog" described>
      <Dialog.Title className="dialog__title">{title}</Dialog.Title>
      <Dialog.Description>{body}</Dialog.Description>
      <div className="dialog__actions">
        <Dialog.Close className="button" type="button">
          {t('dialog.cancel')}
        </Dialog.Close>
        <button
          className="button button--primary button--destructive"
          type="button"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void onConfirm().finally(() => {
              setBusy(false);
              onOpenChange(false);
            });
          }}
        >
          {confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
