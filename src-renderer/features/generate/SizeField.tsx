import { useTranslation } from 'react-i18next';
import type { GenerationIssue } from '../../../src-preload/contract/generation';
import { useAppStore } from '../../app/use-app-store';
import { modelOf } from './draft';
import { controlIdFor } from './controls';
import { FieldIssues, issueAttributes } from './FieldIssues';
import { aspectOptions, parseSizeChoiceValue, resolveSizeChoice, sizeChoiceValue } from './size-choice';

interface SideInputProps {
  label: string;
  value: number;
  onChange: (value: number) => void;
  attributes: ReturnType<typeof issueAttributes>;
}

function SideInput({ label, value, onChange, attributes }: SideInputProps) {
  return (
    <label className="size-field__side">
      <span className="field__label">{label}</span>
      <input
        className="input"
        type="number"
        min={16}
        step={16}
        value={value === 0 ? '' : value}
        {...attributes}
        onChange={(event) => {
          const parsed = Number.parseInt(event.target.value, 10);
          onChange(Number.isFinite(parsed) && parsed > 0 ? Math.min(parsed, 100_000) : 0);
        }}
      />
    </label>
  );
}

export function SizeField({ issues }: { issues: readonly GenerationIssue[] }) {
  const { t } = useTranslation('generate');
  const choice = useAppStore((s) => s.draft.size);
  const modelId = useAppStore((s) => s.draft.model);
  const updateDraft = useAppStore((s) => s.updateDraft);
  const model = modelOf({ model: modelId });
  const id = controlIdFor('size');
  const resolved = resolveSizeChoice(model, choice);
  const options = aspectOptions(model);
  const attributes = issueAttributes(id, issues, `${id}-hint`);
  const megapixels = (pixels: number) => (pixels / 1_000_000).toFixed(1);

  return (
    <div className="field size-field">
      <label htmlFor={id}>{t('size.label')}</label>
      <select
        id={id}
        className="input"
        value={sizeChoiceValue(model, choice)}
        {...attributes}
        onChange={(event) => {
          const next = parseSizeChoiceValue(event.target.value, resolved);
          if (next) updateDraft({ size: next });
        }}
      >
        <optgroup label={t('size.groupPresets')}>
          {model.sizePresets.map((preset) => (
            <option key={preset} value={`preset:${preset}`}>
              {t('size.preset', { preset })}
            </option>
          ))}
        </optgroup>
        {model.sizePresets.map((preset) => (
          <optgroup key={preset} label={t('size.groupAspect', { preset })}>
            {options
              .filter((option) => option.preset === preset)
              .map((option) => (
                <option key={option.ratio} value={`aspect:${preset}:${option.ratio}`}>
                  {t('size.aspect', {
                    ratio: option.ratio,
                    width: option.size.width,
                    height: option.size.height,
                  })}
                </option>
              ))}
          </optgroup>
        ))}
        <optgroup label={t('size.groupCustom')}>
          <option value="custom">{t('size.custom')}</option>
        </optgroup>
      </select>
      {choice.kind === 'custom' && (
        <div className="size-field__custom" role="group" aria-label={t('size.customGroup')}>
          <SideInput
            label={t('size.width')}
            value={choice.width}
            attributes={attributes}
            onChange={(width) => {
              updateDraft({ size: { ...choice, width } });
            }}
          />
          <span aria-hidden="true">×</span>
          <SideInput
            label={t('size.height')}
            value={choice.height}
            attributes={attributes}
            onChange={(height) => {
              updateDraft({ size: { ...choice, height } });
            }}
          />
          <button
            type="button"
            className="button button--quiet"
            aria-label={t('size.swap')}
            title={t('size.swap')}
            onClick={() => {
              updateDraft({ size: { ...choice, width: choice.height, height: choice.width } });
            }}
          >
            ⇄
          </button>
        </div>
      )}
      <span id={`${id}-hint`} className="field__hint">
        {typeof resolved === 'string'
          ? t('size.presetHint')
          : t('size.sends', { width: resolved.width, height: resolved.height })}{' '}
        {t('size.limits', { min: megapixels(model.minPixels), max: megapixels(model.maxPixels) })}
      </span>
      <FieldIssues controlId={id} issues={issues} />
    </div>
  );
}
