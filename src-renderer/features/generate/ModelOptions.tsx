import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { GenerationField, GenerationIssue } from '../../../src-preload/contract/generation';
import { backgroundSchema, promptModeSchema } from '../../../src-preload/contract/models';
import { useAppStore } from '../../app/use-app-store';
import { Select } from '../../components/Select';
import { modelOf } from './draft';
import { FieldIssues } from './FieldIssues';

/** The pop-up lists' "none chosen" entry: Radix Select reserves the empty string for no value at all. */
const offValue = 'off';

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
          <Select
            id={`${id}-mode`}
            value={
              draft.promptMode !== null && model.promptModes.includes(draft.promptMode)
                ? draft.promptMode
                : offValue
            }
            options={[
              { value: offValue, label: t('options.promptModeNone') },
              ...model.promptModes.map((mode) => ({ value: mode, label: t(`options.promptModes.${mode}`) })),
            ]}
            onChange={(value) => {
              const mode = promptModeSchema.safeParse(value);
              updateDraft({ promptMode: mode.success ? mode.data : null });
            }}
          />
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
          <Select
            id={`${id}-background`}
            value={draft.background ?? offValue}
            options={[
              { value: offValue, label: t('options.backgroundAuto') },
              ...model.backgrounds.map((background) => ({
                value: background,
                label: t(`options.backgrounds.${background}`),
              })),
            ]}
            onChange={(value) => {
              const background = backgroundSchema.safeParse(value);
              const chosen = background.success ? background.data : null;
              // Transparency lives only in PNG, so choosing it chooses PNG too.
              updateDraft(
                chosen === 'transparent'
                  ? { background: chosen, outputFormat: 'png' }
                  : { background: chosen },
              );
            }}
          />
          <FieldIssues controlId={`${id}-background`} issues={issuesFor('background')} />
        </div>
      )}
    </div>
  );
}
