import { useTranslation } from 'react-i18next';
import { measurePrompt, type GenerationIssue } from '../../../src-preload/contract/generation';
import { useAppStore } from '../../app/use-app-store';
import { ariaKeyShortcuts } from '../../shortcuts/shortcut-table';
import { controlIdFor } from './controls';
import { FieldIssues, issueAttributes } from './FieldIssues';

/** Below this share of the recommended length, the length is not worth a line. */
const lengthWorthMentioning = 0.8;

export function PromptField({ issues }: { issues: readonly GenerationIssue[] }) {
  const { t } = useTranslation('generate');
  const prompt = useAppStore((s) => s.draft.prompt);
  const updateDraft = useAppStore((s) => s.updateDraft);
  const id = controlIdFor('prompt');
  const measure = measurePrompt(prompt);
  const percent = Math.round(measure.budgetUsed * 100);
  // Over the recommended length, the issue below says so; close to it, one line says how close.
  const nearLimit = measure.budgetUsed >= lengthWorthMentioning && measure.budgetUsed <= 1;
  const over = measure.budgetUsed > 1;
  const lengthId = `${id}-length`;

  return (
    <div className="field prompt-field">
      <label htmlFor={id}>{t('prompt.label')}</label>
      <textarea
        id={id}
        className="input prompt-field__input"
        value={prompt}
        rows={5}
        placeholder={t('prompt.placeholder')}
        spellCheck
        aria-keyshortcuts={ariaKeyShortcuts('generate.run')}
        {...issueAttributes(id, issues, nearLimit ? lengthId : undefined)}
        onChange={(event) => {
          updateDraft({ prompt: event.target.value });
        }}
      />
      {(nearLimit || over) && (
        <div className="prompt-meter" aria-hidden="true">
          <div
            className={`prompt-meter__fill${over ? ' prompt-meter__fill--over' : ''}`}
            style={{ width: `${Math.min(percent, 100)}%` }}
          />
        </div>
      )}
      {nearLimit && (
        <span id={lengthId} className="field__hint">
          {t('prompt.nearLimit', { percent })}
        </span>
      )}
      <FieldIssues controlId={id} issues={issues} />
    </div>
  );
}
