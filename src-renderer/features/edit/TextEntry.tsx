import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maxTextLength } from '../../../src-preload/contract/edit';

/** The text of a text mark, typed where it will go; Enter adds it, Escape leaves nothing. */
export function TextEntry({
  at,
  onDone,
}: {
  at: { x: number; y: number };
  onDone: (text: string | null) => void;
}) {
  const { t } = useTranslation('edit');
  const [text, setText] = useState('');
  return (
    <form
      className="edit-text-entry"
      style={{ left: at.x, top: at.y }}
      onSubmit={(event) => {
        event.preventDefault();
        onDone(text.trim() === '' ? null : text.trim());
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onDone(null);
        }
      }}
    >
      <input
        aria-label={t('text.label')}
        value={text}
        maxLength={maxTextLength}
        autoFocus
        onChange={(event) => {
          setText(event.target.value);
        }}
      />
      <button type="submit" className="button button--small button--primary">
        {t('text.add')}
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          onDone(null);
        }}
      >
        {t('text.cancel')}
      </button>
    </form>
  );
}
