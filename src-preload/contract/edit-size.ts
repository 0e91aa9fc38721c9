import type { ImageSize } from './edit';
import type { RequestSize } from './generation';
import type { ModelInfo } from './models';

/** Sides are kept multiples of this, as the provider's documented sizes are. */
const sideStep = 16;
/** About 2K: the size every model in the catalogue makes. */
const targetPixels = 2048 * 2048;

/**
 * An edit asks by default for the sent image's aspect ratio at about 2K pixels (moved inside the model's
 * pixel limits), so the result lines up with its base for before and after. A shape the model cannot make
 * falls back to the model's first preset.
 */
export function editRequestSize(model: ModelInfo, output: ImageSize): RequestSize {
  const fallback = model.sizePresets[0] ?? '2K';
  const ratio = Math.max(output.width, output.height) / Math.min(output.width, output.height);
  if (ratio > model.maxAspectRatio) return fallback;
  const target = Math.min(Math.max(targetPixels, model.minPixels), model.maxPixels);
  let scale = Math.sqrt(target / (output.width * output.height));
  const sized = () => ({
    width: Math.max(sideStep, Math.round((output.width * scale) / sideStep) * sideStep),
    height: Math.max(sideStep, Math.round((output.height * scale) / sideStep) * sideStep),
  });
  let size = sized();
  // Rounding to whole steps can leave the size a little outside the limits; nudge the scale until it fits.
  for (let tries = 0; tries < 64 && size.width * size.height < model.minPixels; tries += 1) {
    scale *= 1.01;
    size = sized();
  }
  for (let tries = 0; tries < 64 && size.width * size.height > model.maxPixels; tries += 1) {
    scale *= 0.99;
    size = sized();
  }
  const pixels = size.width * size.height;
  return pixels >= model.minPixels && pixels <= model.maxPixels ? size : fallback;
}
