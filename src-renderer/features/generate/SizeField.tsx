import * as RadioGroup from '@radix-ui/react-radio-group';
import { useTranslation } from 'react-i18next';
import type { GenerationIssue } from '../../../src-preload/contract/generation';
import type { ModelInfo } from '../../../src-preload/contract/models';
import { useAppStore } from '../../app/use-app-store';
import { controlIdFor } from './controls';
import { modelOf } from './draft';
import { FieldIssues, issueAttributes } from './FieldIssues';
import {
  aspectPickOf,
  choiceAtPreset,
  choiceForPick,
  presetOfChoice,
  ratiosAt,
  resolveSizeChoice,
  type AspectPick,
  type SizeChoice,
} from './size-choice';

function megapixels(pixels: number): string {
  return (pixels / 1_000_000).toFixed(1);
}

/** A rectangle of the ratio's shape inside a 20 x 20 box; "auto" and "custom" get their own marks. */
function AspectGlyph({ pick }: { pick: AspectPick }) {
  if (pick === 'auto' || pick === 'custom') {
    return (
      <svg className="aspect__glyph" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        {pick === 'auto' ? (
          <path d="M3 7V3h4M13 3h4v4M17 13v4h-4M7 17H3v-4" />
        ) : (
          <path d="M4 4h12v12H4zM8 4v12M4 8h12" />
        )}
      </svg>
    );
  }
  const [w = 1, h = 1] = pick.split(':').map(Number);
  const scale = 16 / Math.max(w, h);
  const width = w * scale;
  const height = h * scale;
  return (
    <svg className="aspect__glyph" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <rect x={(20 - width) / 2} y={(20 - height) / 2} width={width} height={height} rx="1.5" />
    </svg>
  );
}

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

function CustomSides({
  choice,
  model,
  attributes,
}: {
  choice: Extract<SizeChoice, { kind: 'custom' }>;
  model: ModelInfo;
  attributes: ReturnType<typeof issueAttributes>;
}) {
  const { t } = useTranslation('generate');
  const updateDraft = useAppStore((s) => s.updateDraft);
  return (
    <>
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
      <span className="field__hint">
        {t('size.limits', { min: megapixels(model.minPixels), max: megapixels(model.maxPixels) })}
      </span>
    </>
  );
}

/**
 * The size as a visual picker: the shape (aspect ratio, "Auto" to let the model choose from the prompt, or exact
 * sides), the scale the model offers (2K, 4K...), and the exact size that will be sent, under them.
 */
export function SizeField({ issues }: { issues: readonly GenerationIssue[] }) {
  const { t } = useTranslation('generate');
  const choice = useAppStore((s) => s.draft.size);
  const modelId = useAppStore((s) => s.draft.model);
  const updateDraft = useAppStore((s) => s.updateDraft);
  const model = modelOf({ model: modelId });
  const id = controlIdFor('size');
  const preset = presetOfChoice(model, choice);
  const pick = aspectPickOf(choice);
  const ratios = ratiosAt(model, preset);
  const resolved = resolveSizeChoice(model, choice);
  const attributes = issueAttributes(id, issues, `${id}-size`);
  const picks: AspectPick[] = ['auto', ...ratios.map((option) => option.ratio), 'custom'];
  const pickLabel = (value: AspectPick) =>
    value === 'auto' ? t('size.auto') : value === 'custom' ? t('size.custom') : value;

  return (
    <div className="field size-field">
      <span className="field__label" id={`${id}-label`}>
        {t('size.aspectLabel')}
      </span>
      <RadioGroup.Root
        className="aspect"
        aria-labelledby={`${id}-label`}
        aria-describedby={attributes['aria-describedby']}
        value={pick}
        onValueChange={(value) => {
          const next = picks.find((candidate) => candidate === value);
          if (next) updateDraft({ size: choiceForPick(next, model, choice) });
        }}
      >
        {picks.map((value) => (
          <RadioGroup.Item
            key={value}
            id={value === pick ? id : undefined}
            value={value}
            className="aspect__option"
            title={value === 'auto' ? t('size.autoHint') : undefined}
          >
            <AspectGlyph pick={value} />
            <span>{pickLabel(value)}</span>
          </RadioGroup.Item>
        ))}
      </RadioGroup.Root>
      {choice.kind !== 'custom' && model.sizePresets.length > 1 && (
        <RadioGroup.Root
          className="segmented-control"
          aria-label={t('size.resolution')}
          orientation="horizontal"
          value={preset}
          onValueChange={(value) => {
            const next = model.sizePresets.find((candidate) => candidate === value);
            if (next) updateDraft({ size: choiceAtPreset(choice, next) });
          }}
        >
          {model.sizePresets.map((value) => (
            <RadioGroup.Item key={value} value={value} className="segmented-control__option">
              {value}
            </RadioGroup.Item>
          ))}
        </RadioGroup.Root>
      )}
      {choice.kind === 'custom' && <CustomSides choice={choice} model={model} attributes={attributes} />}
      <span id={`${id}-size`} className="size-field__size">
        {typeof resolved === 'string'
          ? t('size.autoSize', { preset: resolved })
          : t('size.sends', {
              width: resolved.width,
              height: resolved.height,
              megapixels: megapixels(resolved.width * resolved.height),
            })}
      </span>
      <FieldIssues controlId={id} issues={issues} />
    </div>
  );
}
