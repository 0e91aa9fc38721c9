import { useTranslation } from 'react-i18next';
import type { GenerationField, GenerationIssue } from '../../../src-preload/contract/generation';
import { useAppStore } from '../../app/use-app-store';
import { modelOf, seedModes, type SeedMode } from './draft';
import { controlIdFor } from './controls';
import { FieldIssues } from './FieldIssues';

function isSeedMode(value: string): value is SeedMode {
  return (seedModes as readonly string[]).includes(value);
}

function Reason({ id, text }: { id: string; text: string | null }) {
  return text === null ? null : (
    <span id={id} className="field__hint">
      {text}
    </span>
  );
}

export function AdvancedFields({ issuesFor }: { issuesFor: (field: GenerationField) => GenerationIssue[] }) {
  const { t } = useTranslation('generate');
  const draft = useAppStore((s) => s.draft);
  const lastSeed = useAppStore((s) => s.lastSeed);
  const progressiveDefault = useAppStore((s) => s.settings?.progressiveResults ?? false);
  const updateDraft = useAppStore((s) => s.updateDraft);
  const model = modelOf(draft);
  const ids = {
    response: controlIdFor('responseFormat'),
    output: controlIdFor('outputFormat'),
    watermark: controlIdFor('watermark'),
    guidance: controlIdFor('guidanceScale'),
    seed: controlIdFor('seed'),
    stream: controlIdFor('stream'),
  };
  const pngReason = model.pngOutput ? null : t('advanced.jpegOnly', { model: model.label });
  const guidanceReason = model.guidanceScale ? null : t('advanced.guidanceIgnored', { model: model.label });
  const seedReason = model.seed ? null : t('advanced.seedIgnored', { model: model.label });
  const streamReason = model.streaming ? null : t('advanced.streamUnsupported', { model: model.label });
  const progressive = model.streaming && (draft.progressive ?? progressiveDefault);

  return (
    <details className="advanced">
      <summary>{t('advanced.summary')}</summary>
      <div className="advanced__body">
        <div className="field">
          <label htmlFor={ids.response}>{t('advanced.responseFormat')}</label>
          <select
            id={ids.response}
            className="input"
            value={draft.responseFormat}
            aria-describedby={`${ids.response}-hint`}
            onChange={(event) => {
              updateDraft({ responseFormat: event.target.value === 'b64_json' ? 'b64_json' : 'url' });
            }}
          >
            <option value="url">{t('advanced.responseUrl')}</option>
            <option value="b64_json">{t('advanced.responseBase64')}</option>
          </select>
          <span id={`${ids.response}-hint`} className="field__hint">
            {t('advanced.responseHint')}
          </span>
        </div>

        <div className="field">
          <label htmlFor={ids.output}>{t('advanced.outputFormat')}</label>
          <select
            id={ids.output}
            className="input"
            value={model.pngOutput ? draft.outputFormat : 'jpeg'}
            aria-describedby={pngReason ? `${ids.output}-reason` : undefined}
            onChange={(event) => {
              updateDraft({ outputFormat: event.target.value === 'png' ? 'png' : 'jpeg' });
            }}
          >
            <option value="jpeg">JPEG</option>
            <option value="png" disabled={!model.pngOutput}>
              PNG
            </option>
          </select>
          <Reason id={`${ids.output}-reason`} text={pngReason} />
          <FieldIssues controlId={ids.output} issues={issuesFor('outputFormat')} />
        </div>

        <label className="checkbox">
          <input
            id={ids.watermark}
            type="checkbox"
            checked={draft.watermark}
            onChange={(event) => {
              updateDraft({ watermark: event.target.checked });
            }}
          />
          {t('advanced.watermark')}
        </label>

        <div className="field">
          <label htmlFor={ids.guidance}>{t('advanced.guidanceScale')}</label>
          <input
            id={ids.guidance}
            className="input"
            type="number"
            min={1}
            max={10}
            step={0.5}
            value={draft.guidanceScale}
            disabled={guidanceReason !== null}
            aria-describedby={guidanceReason ? `${ids.guidance}-reason` : undefined}
            onChange={(event) => {
              const value = Number.parseFloat(event.target.value);
              if (Number.isFinite(value)) updateDraft({ guidanceScale: Math.min(Math.max(value, 1), 10) });
            }}
          />
          <Reason id={`${ids.guidance}-reason`} text={guidanceReason} />
        </div>

        <div className="field">
          <label htmlFor={ids.seed}>{t('advanced.seed')}</label>
          <div className="advanced__row">
            <select
              id={ids.seed}
              className="input"
              value={draft.seedMode}
              disabled={seedReason !== null}
              aria-describedby={seedReason ? `${ids.seed}-reason` : undefined}
              onChange={(event) => {
                if (isSeedMode(event.target.value)) updateDraft({ seedMode: event.target.value });
              }}
            >
              <option value="random">{t('advanced.seedRandom')}</option>
              <option value="fixed">{t('advanced.seedFixed')}</option>
              <option value="last" disabled={lastSeed === null}>
                {lastSeed === null ? t('advanced.seedLastNone') : t('advanced.seedLast', { seed: lastSeed })}
              </option>
            </select>
            {draft.seedMode === 'fixed' && (
              <input
                className="input advanced__seed"
                type="number"
                min={0}
                max={2_147_483_647}
                aria-label={t('advanced.seedValue')}
                value={draft.seed}
                disabled={seedReason !== null}
                onChange={(event) => {
                  const value = Number.parseInt(event.target.value, 10);
                  if (Number.isFinite(value))
                    updateDraft({ seed: Math.min(Math.max(value, 0), 2_147_483_647) });
                }}
              />
            )}
          </div>
          <Reason id={`${ids.seed}-reason`} text={seedReason} />
        </div>

        <div className="field">
          <label className="checkbox">
            <input
              id={ids.stream}
              type="checkbox"
              checked={progressive}
              disabled={streamReason !== null}
              aria-describedby={`${ids.stream}-hint`}
              onChange={(event) => {
                updateDraft({ progressive: event.target.checked });
              }}
            />
            {t('advanced.progressive')}
          </label>
          <span id={`${ids.stream}-hint`} className="field__hint">
            {streamReason ??
              (draft.progressive === null || draft.progressive === progressiveDefault
                ? t('advanced.progressiveDefault')
                : t('advanced.progressiveOverride'))}
          </span>
          {streamReason === null &&
            draft.progressive !== null &&
            draft.progressive !== progressiveDefault && (
              <button
                type="button"
                className="button button--link"
                onClick={() => {
                  updateDraft({ progressive: null });
                }}
              >
                {t('advanced.progressiveReset')}
              </button>
            )}
        </div>
      </div>
    </details>
  );
}
