import { z } from 'zod';
import { type ExactSize, type RequestSize } from '../../../src-preload/contract/generation';
import { sizePresetSchema, type ModelInfo, type SizePreset } from '../../../src-preload/contract/models';
import {
  aspectRatios,
  resolveAspectSize,
  type AspectRatio,
  nearestPreset,
  presetPixels,
} from '../../../src-preload/contract/request-size';

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

/** What the aspect-ratio picker shows as chosen: the model decides ("auto"), a ratio, or exact sides. */
export type AspectPick = 'auto' | AspectRatio | 'custom';

export function aspectPickOf(choice: SizeChoice): AspectPick {
  if (choice.kind === 'custom') return 'custom';
  return choice.kind === 'preset' ? 'auto' : choice.ratio;
}

/**
 * The preset a choice works at, as the model offers it. Exact sides have none of their own; the preset whose
 * pixel count is nearest theirs stands in, so going back to a ratio keeps roughly the same scale.
 */
export function presetOfChoice(model: ModelInfo, choice: SizeChoice): SizePreset {
  if (choice.kind !== 'custom') return nearestPreset(model, choice.preset);
  const pixels = choice.width * choice.height;
  let best = model.sizePresets[0] ?? '2K';
  for (const preset of model.sizePresets) {
    if (Math.abs(presetPixels[preset] - pixels) < Math.abs(presetPixels[best] - pixels)) best = preset;
  }
  return best;
}

/** The choice a pick in the aspect-ratio picker makes; "custom" starts from the size sent now. */
export function choiceForPick(pick: AspectPick, model: ModelInfo, current: SizeChoice): SizeChoice {
  const preset = presetOfChoice(model, current);
  if (pick === 'auto') return { kind: 'preset', preset };
  if (pick !== 'custom') return { kind: 'aspect', ratio: pick, preset };
  if (current.kind === 'custom') return current;
  const sent = resolveSizeChoice(model, current);
  return typeof sent === 'string'
    ? { kind: 'custom', width: 2048, height: 2048 }
    : { kind: 'custom', ...sent };
}

/** The same shape at another preset. */
export function choiceAtPreset(choice: SizeChoice, preset: SizePreset): SizeChoice {
  return choice.kind === 'custom' ? choice : { ...choice, preset };
}

/** The aspect ratios the model can make at a preset, each with its exact size. */
export function ratiosAt(model: ModelInfo, preset: SizePreset): AspectOption[] {
  return aspectOptions(model).filter((option) => option.preset === preset);
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
