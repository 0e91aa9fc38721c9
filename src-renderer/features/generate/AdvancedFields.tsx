import * as RadioGroup from '@radix-ui/react-radio-group';
import { useTranslation } from 'react-i18next';
import type { GenerationField, GenerationIssue } from '../../../src-preload/contract/generation';
import { useAppStore } from '../../app/use-app-store';
import { Select } from '../../components/Select';
import { controlIdFor } from './controls';
import { modelOf, seedModes, type SeedMode } from './draft';
import { FieldIssues } from './FieldIssues';

type IssuesFor = (field: GenerationField) => GenerationIssue[];

function OutputFormat({ issuesFor }: { issuesFor: IssuesFor }) {
  const { t } = useTranslation('generate');
  const format = useAppStore((s) => s.draft.outputFormat);
  const updateDraft = useAppStore((s) => s.updateDraft);
  const id = controlIdFor('outputFormat');
  return (
    <div className="field">
      <span className="field__label" id={`${id}-label`}>
        {t('advanced.outputFormat')}
      </span>
      <RadioGroup.Root
        className="segmented-control"
        aria-labelledby={`${id}-label`}
        orientation="horizontal"
        value={format}
        onValueChange={(value) => {
          updateDraft({ outputFormat: value === 'png' ? 'png' : 'jpeg' });
        }}
      >
        <RadioGroup.Item
          id={format === 'jpeg' ? id : undefined}
          value="jpeg"
          className="segmented-control__option"
        >
          JPEG
        </RadioGroup.Item>
        <RadioGroup.Item
          id={format === 'png' ? id : undefined}
          value="png"
          className="segmented-control__option"
        >
          PNG
        </RadioGroup.Item>
      </RadioGroup.Root>
      <FieldIssues controlId={id} issues={issuesFor('outputFormat')} />
    </div>
  );
}

function GuidanceScale() {
  const { t } = useTranslation('generate');
  const value = useAppStore((s) => s.draft.guidanceScale);
  const updateDraft = useAppStore((s) => s.updateDraft);
  const id = controlIdFor('guidanceScale');
  return (
    <div className="field">
      <label htmlFor={id}>{t('advanced.guidanceScale')}</label>
      <input
        id={id}
        className="input advanced__number"
        type="number"
        min={1}
        max={10}
        step={0.5}
        value={value}
        onChange={(event) => {
          const parsed = Number.parseFloat(event.target.value);
          if (Number.isFinite(parsed)) updateDraft({ guidanceScale: Math.min(Math.max(parsed, 1), 10) });
        }}
      />
    </div>
  );
}

function isSeedMode(value: string): value is SeedMode {
  return (seedModes as readonly string[]).includes(value);
}

function Seed() {
  const { t } = useTranslation('generate');
  const mode = useAppStore((s) => s.draft.seedMode);
  const seed = useAppStore((s) => s.draft.seed);
  const lastSeed = useAppStore((s) => s.lastSeed);
  const updateDraft = useAppStore((s) => s.updateDraft);
  const id = controlIdFor('seed');
  return (
    <div className="field">
      <label htmlFor={id}>{t('advanced.seed')}</label>
      <div className="advanced__row">
        <Select
          id={id}
          className="advanced__grow"
          value={mode}
          options={[
            { value: 'random', label: t('advanced.seedRandom') },
            { value: 'fixed', label: t('advanced.seedFixed') },
            {
              value: 'last',
              label:
                lastSeed === null ? t('advanced.seedLastNone') : t('advanced.seedLast', { seed: lastSeed }),
              disabled: lastSeed === null,
            },
          ]}
          onChange={(value) => {
            if (isSeedMode(value)) updateDraft({ seedMode: value });
          }}
        />
        {mode === 'fixed' && (
          <input
            className="input advanced__number"
            type="number"
            min={0}
            max={2_147_483_647}
            aria-label={t('advanced.seedValue')}
            value={seed}
            onChange={(event) => {
              const value = Number.parseInt(event.target.value, 10);
              if (Number.isFinite(value)) updateDraft({ seed: Math.min(Math.max(value, 0), 2_147_483_647) });
            }}
          />
        )}
      </div>
    </div>
  );
}

function Progressive() {
  const { t } = useTranslation('generate');
  const choice = useAppStore((s) => s.draft.progressive);
  const progressiveDefault = useAppStore((s) => s.settings?.progressiveResults ?? false);
  const updateDraft = useAppStore((s) => s.updateDraft);
  const id = controlIdFor('stream');
  const overridden = choice !== null && choice !== progressiveDefault;
  return (
    <div className="field">
      <label className="checkbox">
        <input
          id={id}
          type="checkbox"
          checked={choice ?? progressiveDefault}
          aria-describedby={overridden ? `${id}-hint` : undefined}
          onChange={(event) => {
            updateDraft({ progressive: event.target.checked });
          }}
        />
        {t('advanced.progressive')}
      </label>
      {overridden && (
        <div className="advanced__override">
          <span id={`${id}-hint`} className="field__hint">
            {t('advanced.progressiveOverride')}
          </span>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              updateDraft({ progressive: null });
            }}
          >
            {t('advanced.progressiveReset')}
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * Options most people never change, folded away. Only what the chosen model can use is shown: each control
 * depends on a catalogue field (`pngOutput`, `guidanceScale`, `seed`, `streaming`), never on a model id.
 */
export function AdvancedFields({ issuesFor }: { issuesFor: IssuesFor }) {
  const { t } = useTranslation('generate');
  const model = useAppStore((s) => modelOf(s.draft));
  const responseFormat = useAppStore((s) => s.draft.responseFormat);
  const watermark = useAppStore((s) => s.draft.watermark);
  const updateDraft = useAppStore((s) => s.updateDraft);
  const ids = { response: controlIdFor('responseFormat'), watermark: controlIdFor('watermark') };

  return (
    <details className="advanced">
      <summary>{t('advanced.summary')}</summary>
      <div className="advanced__body">
        <div className="field">
          <label htmlFor={ids.response}>{t('advanced.responseFormat')}</label>
          <Select
            id={ids.response}
            value={responseFormat}
            options={[
              { value: 'url', label: t('advanced.responseUrl'), detail: t('advanced.responseUrlDetail') },
              {
                value: 'b64_json',
                label: t('advanced.responseBase64'),
                detail: t('advanced.responseBase64Detail'),
              },
            ]}
            onChange={(value) => {
              updateDraft({ responseFormat: value });
            }}
          />
        </div>
        {model.pngOutput && <OutputFormat issuesFor={issuesFor} />}
        <label className="checkbox">
          <input
            id={ids.watermark}
            type="checkbox"
            checked={watermark}
            onChange={(event) => {
              updateDraft({ watermark: event.target.checked });
            }}
          />
          {t('advanced.watermark')}
        </label>
        {model.guidanceScale && <GuidanceScale />}
        {model.seed && <Seed />}
        {model.streaming && <Progressive />}
      </div>
    </details>
  );
}
