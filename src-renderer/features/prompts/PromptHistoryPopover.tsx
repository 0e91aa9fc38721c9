import * as Popover from '@radix-ui/react-popover';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/use-app-store';
import './prompts.css';

/** "Prompt history": recent prompts, searched with the library's prompt index; choosing one fills the prompt. */
export function PromptHistoryPopover() {
  const { t } = useTranslation('volume');
  const history = useAppStore((s) => s.promptHistory);
  const loadHistory = useAppStore((s) => s.loadPromptHistory);
  const applyPrompt = useAppStore((s) => s.applyPrompt);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');

  useEffect(() => {
    if (open) void loadHistory(query.trim() === '' ? undefined : query);
  }, [open, query, loadHistory]);

  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger className="button button--small button--quiet">{t('history.button')}</Popover.Trigger>
      <Popover.Portal>
        <Popover.Content className="popover prompt-history" align="start" aria-label={t('history.button')}>
          <input
            className="input"
            type="search"
            aria-label={t('history.search')}
            placeholder={t('history.search')}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
            }}
          />
          {history.length === 0 ? (
            <p className="field__hint">{t('history.empty')}</p>
          ) : (
            <ul className="prompt-history__list">
              {history.map((entry) => (
                <li key={entry.generationId}>
                  <button
                    type="button"
                    className="prompt-history__entry"
                    onClick={() => {
                      applyPrompt(entry.prompt);
                      setOpen(false);
                    }}
                  >
                    {entry.prompt}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <p className="field__hint">{t('history.hint')}</p>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
