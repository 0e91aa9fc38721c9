import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { GenerationField, GenerationIssue } from '../../../src-preload/contract/generation';
import { backgroundSchema, promptModeSchema } from '../../../src-preload/contract/models';
import { useAppStore } from '../../app/use-app-store';
import { modelOf } from './draft';
import { FieldIssues } from './FieldIssues';

/**
 * Prompt optimisation, web search and the background: each control appears only when the chosen model's
 * catalogue entry offers it (a model without them shows nothing here).
 */
export function ModelOptions({ issuesFor }: { issuesFor: (field: GenerationField) => GenerationIssue[] }) {
  const { t } = useTranslation('generate');
  const draft = useAppStore((s) => s.draft);
  const updateDraft = useAppStore((s) => s.updateDraft);
  const model = modelOf(draft);
  const id = useId();
  if (model.promptModes.length === 0 && !model.webSearch && model.backgrounds.length === 0) return null;
  return (
    <div className="model-options">
      {model.promptModes.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-mode`}>{t('options.promptMode')}</label>
          <select
            id={`${id}-mode`}
            className="input"
            value={
              draft.promptMode !== null && model.promptModes.includes(draft.promptMode)
                ? draft.promptMode
                : ''
            }
            onChange={(event) => {
              const mode = promptModeSchema.safeParse(event.target.value);
              updateDraft({ promptMode: mode.success ? mode.data : null });
            }}
          >
            <option value="">{t('options.promptModeNone')}</option>
            {model.promptModes.map((mode) => (
              <option key={mode} value={mode}>
                {t(`options.promptModes.${mode}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {model.webSearch && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.webSearch}
            aria-describedby={`${id}-search-hint`}
            onChange={(event) => {
              updateDraft({ webSearch: event.target.checked });
            }}
          />
          {t('options.webSearch')}
          <span id={`${id}-search-hint`} className="field__hint">
            {t('options.webSearchHint')}
          </span>
        </label>
      )}
      {model.backgrounds.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-background`}>{t('options.background')}</label>
          <select
            id={`${id}-background`}
            className="input"
            value={draft.background ?? ''}
            onChange={(event) => {
              const background = backgroundSchema.safeParse(event.target.value);
              const chosen = background.success ? background.data : null;
              // Transparency lives only in PNG, so choosing it chooses PNG too.
              updateDraft(
                chosen === 'transparent'
                  ? { background: chosen, outputFormat: 'png' }
                  : { background: chosen },
              );
            }}
          >
            <option value="">{t('options.backgroundAuto')}</option>
            {model.backgrounds.map((background) => (
              <option key={background} value={background}>
                {t(`options.backgrounds.${background}`)}
              </option>
            ))}
          </select>
          <FieldIssues controlId={`${id}-background`} issues={issuesFor('background')} />
        </div>
      )}
    </div>
  );
}
