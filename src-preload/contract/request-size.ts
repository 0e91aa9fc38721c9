/* Sizes: presets and exact sizes, their names, aspect ratios, and what a model's pixel limits allow. */
import type { ExactSize, RequestSize } from './generation';
import type { ModelInfo, SizePreset } from './models';

/** The pixels of a square image at each preset. */
export const presetPixels: Record<SizePreset, number> = {
  '1K': 1024 * 1024,
  '2K': 2048 * 2048,
  '3K': 3072 * 3072,
  '4K': 4096 * 4096,
};

/**
 * The model's preset closest in pixels (by ratio, so 3K is nearer 4K than 2K) to the one asked for; the
 * smaller of two equally close. The one rule for a preset the model lacks: the form, a model switch and the
 * aspect-ratio picker all keep the scale through it.
 */
export function nearestPreset(model: ModelInfo, wanted: SizePreset): SizePreset {
  const [first, ...rest] = model.sizePresets;
  if (first === undefined) return wanted;
  return rest.reduce((best, candidate) => {
    const distance = Math.abs(Math.log(presetPixels[candidate] / presetPixels[wanted]));
    const bestDistance = Math.abs(Math.log(presetPixels[best] / presetPixels[wanted]));
    return distance < bestDistance ? candidate : best;
  }, first);
}

export function formatSize(size: RequestSize): string {
  return typeof size === 'string' ? size : `${size.width}x${size.height}`;
}

/** Parses `WxH` as the API writes it; anything else (including presets) gives undefined. */
export function parseExactSize(text: string): ExactSize | undefined {
  const match = /^(\d{1,6})x(\d{1,6})$/.exec(text.trim());
  if (!match) return undefined;
  const width = Number(match[1]);
  const height = Number(match[2]);
  return width > 0 && height > 0 ? { width, height } : undefined;
}

export const aspectRatios = ['1:1', '4:3', '3:4', '16:9', '9:16', '3:2', '2:3', '21:9', '9:21'] as const;
export type AspectRatio = (typeof aspectRatios)[number];

/** Sides are kept multiples of this, as the documented sizes are. */
export const sideStep = 16;

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

/**
 * The exact size for an aspect ratio at a preset's scale: the exact ratio, sides multiples of 16, as many
 * pixels as the preset without exceeding it, then moved inside the model's pixel limits. Gives the sizes the
 * provider documents (2048x2048, 2304x1728, 2560x1440, 3024x1296 at 2K). Undefined when no such size fits.
 */
export function resolveAspectSize(
  model: ModelInfo,
  ratio: AspectRatio,
  preset: SizePreset,
): ExactSize | undefined {
  const [ratioWidth, ratioHeight] = ratio.split(':').map(Number);
  if (ratioWidth === undefined || ratioHeight === undefined) return undefined;
  const divisor = greatestCommonDivisor(ratioWidth, ratioHeight);
  const unitWidth = (ratioWidth / divisor) * sideStep;
  const unitHeight = (ratioHeight / divisor) * sideStep;
  const unitPixels = unitWidth * unitHeight;
  const target = Math.min(Math.max(presetPixels[preset], model.minPixels), model.maxPixels);
  let scale = Math.floor(Math.sqrt(target / unitPixels));
  if (scale * scale * unitPixels < model.minPixels) scale += 1;
  const size = { width: unitWidth * scale, height: unitHeight * scale };
  return scale > 0 && exactSizeProblem(model, size) === undefined ? size : undefined;
}

export type SizeProblem = {
  code: 'size-too-small' | 'size-too-large' | 'size-aspect';
  params: Record<string, number>;
};

export function exactSizeProblem(model: ModelInfo, size: ExactSize): SizeProblem | undefined {
  const pixels = size.width * size.height;
  if (pixels < model.minPixels)
    return { code: 'size-too-small', params: { pixels, minPixels: model.minPixels } };
  if (pixels > model.maxPixels)
    return { code: 'size-too-large', params: { pixels, maxPixels: model.maxPixels } };
  const ratio = Math.max(size.width, size.height) / Math.min(size.width, size.height);
  if (ratio > model.maxAspectRatio)
    return { code: 'size-aspect', params: { maxAspectRatio: model.maxAspectRatio } };
  return undefined;
}
