import { z } from 'zod';
import {
  aspectRatios,
  resolveAspectSize,
  type AspectRatio,
  type ExactSize,
  type RequestSize,
} from '../../../src-preload/contract/generation';
import {
  sizePresetSchema,
  sizePresets,
  type ModelInfo,
  type SizePreset,
} from '../../../src-preload/contract/models';

/** How the user picked the size: a bare preset, an aspect ratio at a preset's scale, or exact sides. */
export const sizeChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('preset'), preset: sizePresetSchema }),
  z.object({ kind: z.literal('aspect'), ratio: z.enum(aspectRatios), preset: sizePresetSchema }),
  z.object({
    kind: z.literal('custom'),
    width: z.number().int().nonnegative().max(100_000),
    height: z.number().int().nonnegative().max(100_000),
  }),
]);
export type SizeChoice = z.infer<typeof sizeChoiceSchema>;

/** The preset a model offers closest to the one asked for, so switching models keeps the scale. */
export function nearestPreset(model: ModelInfo, preset: SizePreset): SizePreset {
  if (model.sizePresets.includes(preset)) return preset;
  const wanted = sizePresets.indexOf(preset);
  let best = model.sizePresets[0] ?? preset;
  for (const candidate of model.sizePresets) {
    if (Math.abs(sizePresets.indexOf(candidate) - wanted) < Math.abs(sizePresets.indexOf(best) - wanted)) {
      best = candidate;
    }
  }
  return best;
}

export function resolveSizeChoice(model: ModelInfo, choice: SizeChoice): RequestSize {
  if (choice.kind === 'custom') return { width: choice.width, height: choice.height };
  const preset = nearestPreset(model, choice.preset);
  if (choice.kind === 'preset') return preset;
  return resolveAspectSize(model, choice.ratio, preset) ?? preset;
}

export interface AspectOption {
  ratio: AspectRatio;
  preset: SizePreset;
  size: ExactSize;
}

/** Every aspect ratio at every preset of the model, with the exact size it resolves to. */
export function aspectOptions(model: ModelInfo): AspectOption[] {
  return model.sizePresets.flatMap((preset) =>
    aspectRatios.flatMap((ratio) => {
      const size = resolveAspectSize(model, ratio, preset);
      return size ? [{ ratio, preset, size }] : [];
    }),
  );
}

/**
 * The size picker is one native select; each option's value encodes a choice (`preset:2K`,
 * `aspect:2K:16:9`, `custom`), shown for the current model so a preset it lacks shows as its nearest one.
 */
export function sizeChoiceValue(model: ModelInfo, choice: SizeChoice): string {
  if (choice.kind === 'custom') return 'custom';
  const preset = nearestPreset(model, choice.preset);
  return choice.kind === 'preset' ? `preset:${preset}` : `aspect:${preset}:${choice.ratio}`;
}

function asPreset(text: string | undefined): SizePreset | undefined {
  return sizePresets.find((preset) => preset === text);
}

/** The choice an option value stands for; `custom` starts from the size the previous choice sent. */
export function parseSizeChoiceValue(value: string, current: RequestSize): SizeChoice | null {
  if (value === 'custom') {
    return typeof current === 'string'
      ? { kind: 'custom', width: 2048, height: 2048 }
      : { kind: 'custom', ...current };
  }
  const presetMatch = /^preset:(\w+)$/.exec(value);
  const preset = asPreset(presetMatch?.[1]);
  if (preset) return { kind: 'preset', preset };
  const aspectMatch = /^aspect:(\w+):(\d+:\d+)$/.exec(value);
  const scale = asPreset(aspectMatch?.[1]);
  const ratio = aspectRatios.find((candidate) => candidate === aspectMatch?.[2]);
  return scale && ratio ? { kind: 'aspect', preset: scale, ratio } : null;
}

/** An exact size that an aspect option of the model produces is shown as that option, not as custom. */
export function choiceForSize(model: ModelInfo | undefined, size: RequestSize): SizeChoice {
  if (typeof size === 'string') return { kind: 'preset', preset: size };
  const match = model
    ? aspectOptions(model).find(
        (option) => option.size.width === size.width && option.size.height === size.height,
      )
    : undefined;
  return match
    ? { kind: 'aspect', ratio: match.ratio, preset: match.preset }
    : { kind: 'custom', width: size.width, height: size.height };
}
