import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/use-app-store';
import { ErrorNotice } from '../../components/ErrorNotice';
import { DialogButton } from '../../components/DialogButton';
import './prompts.css';

function SaveForm() {
  const { t } = useTranslation('volume');
  const prompt = useAppStore((s) => s.draft.prompt);
  const savePrompt = useAppStore((s) => s.savePrompt);
  const [name, setName] = useState('');
  const [tags, setTags] = useState('');
  const id = useId();
  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const tagList = tags
      .split(/[,，]/u)
      .map((tag) => tag.trim())
      .filter((tag) => tag !== '');
    if (await savePrompt({ name, template: prompt, tags: tagList })) {
      setName('');
      setTags('');
    }
  };
  return (
    <form className="dialog__form" onSubmit={(event) => void submit(event)}>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('library.name')}</label>
        <input
          id={`${id}-name`}
          className="input"
          value={name}
          maxLength={200}
          onChange={(e) => {
            setName(e.target.value);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-tags`}>{t('library.tags')}</label>
        <input
          id={`${id}-tags`}
          className="input"
          value={tags}
          onChange={(e) => {
            setTags(e.target.value);
          }}
        />
      </div>
      <button type="submit" className="button" disabled={name.trim() === '' || prompt.trim() === ''}>
        {t('library.save')}
      </button>
    </form>
  );
}

/** "Prompt library": named, tagged prompts (templates allowed); Use puts one in the prompt box. */
export function PromptLibraryDialog() {
  const { t } = useTranslation('volume');
  const saved = useAppStore((s) => s.savedPrompts);
  const load = useAppStore((s) => s.loadSavedPrompts);
  const remove = useAppStore((s) => s.deleteSavedPrompt);
  const applyPrompt = useAppStore((s) => s.applyPrompt);
  const error = useAppStore((s) => s.promptsError);
  const dismissError = useAppStore((s) => s.dismissPromptsError);
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  useEffect(() => {
    if (open) void load();
  }, [open, load]);
  const needle = filter.trim().toLowerCase();
  const shown = saved.filter(
    (prompt) =>
      needle === '' ||
      prompt.name.toLowerCase().includes(needle) ||
      prompt.tags.some((tag) => tag.toLowerCase().includes(needle)),
  );
  return (
    <DialogButton
      label={t('library.button')}
      title={t('library.title')}
      open={open}
      onOpenChange={setOpen}
      buttonClassName="button button--small button--quiet"
    >
      {error && <ErrorNotice error={error} onDismiss={dismissError} />}
      <input
        className="input"
        type="search"
        aria-label={t('library.filter')}
        placeholder={t('library.filter')}
        value={filter}
        onChange={(event) => {
          setFilter(event.target.value);
        }}
      />
      {shown.length === 0 ? (
        <p className="field__hint">{t('library.empty')}</p>
      ) : (
        <ul className="prompt-library__list" aria-label={t('library.title')}>
          {shown.map((prompt) => (
            <li key={prompt.id} className="prompt-library__item" aria-label={prompt.name}>
              <strong>{prompt.name}</strong>
              <span>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => {
                    applyPrompt(prompt.template);
                    setOpen(false);
                  }}
                >
                  {t('library.use')}
                </button>
                <button
                  type="button"
                  className="button button--small button--quiet"
                  onClick={() => void remove(prompt.id)}
                >
                  {t('library.delete')}
                </button>
              </span>
              <span className="prompt-library__template">{prompt.template}</span>
              {prompt.tags.length > 0 && <span className="field__hint">{prompt.tags.join(', ')}</span>}
            </li>
          ))}
        </ul>
      )}
      <SaveForm />
      <div className="dialog__actions">
        <Dialog.Close className="button" type="button">
          {t('library.close')}
        </Dialog.Close>
      </div>
    </DialogButton>
  );
}
