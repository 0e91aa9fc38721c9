import { useTranslation } from 'react-i18next';
import { measurePrompt, promptBudget, type GenerationIssue } from '../../../src-preload/contract/generation';
import { useAppStore } from '../../app/use-app-store';
import { ariaKeyShortcuts } from '../../shortcuts/shortcut-table';
import { controlIdFor } from './controls';
import { FieldIssues, issueAttributes } from './FieldIssues';

export function PromptField({ issues }: { issues: readonly GenerationIssue[] }) {
  const { t } = useTranslation('generate');
  const prompt = useAppStore((s) => s.draft.prompt);
  const updateDraft = useAppStore((s) => s.updateDraft);
  const id = controlIdFor('prompt');
  const measure = measurePrompt(prompt);
  const percent = Math.round(measure.budgetUsed * 100);
  const over = measure.budgetUsed > 1;
  // The length meter already says when the prompt is long; the list carries the rest.
  const shown = issues.filter((found) => found.code !== 'prompt-long');

  return (
    <div className="field prompt-field">
      <label htmlFor={id}>{t('prompt.label')}</label>
      <textarea
        id={id}
        className="input prompt-field__input"
        value={prompt}
        rows={6}
        placeholder={t('prompt.placeholder')}
        spellCheck
        aria-keyshortcuts={ariaKeyShortcuts('generate.run')}
        {...issueAttributes(id, shown, `${id}-length`)}
        onChange={(event) => {
          updateDraft({ prompt: event.target.value });
        }}
      />
      <div className="prompt-field__meta">
        <div className="prompt-meter" aria-hidden="true">
          <div
            className={`prompt-meter__fill${over ? ' prompt-meter__fill--over' : ''}`}
            style={{ width: `${Math.min(percent, 100)}%` }}
          />
        </div>
        <span id={`${id}-length`} className={over ? 'field__warning' : 'field__hint'}>
          {measure.cjkChars > 0
            ? t('prompt.lengthMixed', {
                cjk: measure.cjkChars,
                other: measure.otherChars,
                percent,
              })
            : t('prompt.length', { count: measure.otherChars, percent })}
          {over && ` ${t('prompt.tooLong', { cjkLimit: promptBudget.cjk, otherLimit: promptBudget.other })}`}
        </span>
        <span className="field__hint prompt-field__shortcut">{t('prompt.shortcut')}</span>
      </div>
      <FieldIssues controlId={id} issues={shown} />
    </div>
  );
}
