import { useId, useState, type SyntheticEvent } from 'react';
import * as Dialog from '@radix-ui/react-dialog';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from './ModalDialog';

interface NameDialogProps {
  open: boolean;
  title: string;
  label: string;
  submitLabel: string;
  initialName: string;
  onOpenChange: (open: boolean) => void;
  /** Resolves true when the name was taken; the dialog then closes. */
  onSubmit: (name: string) => Promise<boolean>;
  /** Existing names offered while typing, such as the tags already in use. */
  suggestions?: readonly string[];
}

type NameFormProps = Omit<NameDialogProps, 'open' | 'title'>;

/** Mounted each time the dialog opens, so the field starts from `initialName` without syncing state. */
function NameForm({
  label,
  submitLabel,
  initialName,
  onOpenChange,
  onSubmit,
  suggestions = [],
}: NameFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(initialName);
  const [busy, setBusy] = useState(false);
  const inputId = useId();

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (name.trim() === '') return;
    setBusy(true);
    const done = await onSubmit(name.trim());
    setBusy(false);
    if (done) onOpenChange(false);
  };

  return (
    <form className="dialog__form" onSubmit={(event) => void submit(event)}>
      <div className="field">
        <label htmlFor={inputId}>{label}</label>
        <input
          id={inputId}
          className="input"
          value={name}
          maxLength={200}
          autoComplete="off"
          list={suggestions.length > 0 ? `${inputId}-suggestions` : undefined}
          onChange={(event) => {
            setName(event.target.value);
          }}
        />
      </div>
      {suggestions.length > 0 && (
        <datalist id={`${inputId}-suggestions`}>
          {suggestions.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      )}
      <div className="dialog__actions">
        <Dialog.Close className="button" type="button">
          {t('dialog.cancel')}
        </Dialog.Close>
        <button className="button button--primary" type="submit" disabled={busy || name.trim() === ''}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

/** Asks for one name (a new collection, a new name for one, a tag); Enter submits, Escape cancels. */
export function NameDialog({ open, title, ...form }: NameDialogProps) {
  return (
    <ModalDialog open={open} onOpenChange={form.onOpenChange} className="dialog">
      <Dialog.Title className="dialog__title">{title}</Dialog.Title>
      <NameForm {...form} />
    </ModalDialog>
  );
}
