import type { ExactSize, GenerationField, GenerationRequest, RequestSize } from './generation';
import { maxImagesPerRequest, type ModelInfo } from './models';
import { exactSizeProblem, formatSize, nearestPreset, sideStep } from './request-size';

export const changeCodes = [
  'references-kept',
  'size-changed',
  'sequence-off',
  'images-fewer',
  'stream-off',
  'format-jpeg',
  'format-png',
  'prompt-mode-changed',
  'prompt-mode-off',
  'web-search-off',
  'background-dropped',
] as const;
export type ChangeCode = (typeof changeCodes)[number];

/** One thing a model switch changed; `message` is the English fallback, `code` and `params` translate. */
export interface ModelChange {
  field: GenerationField;
  code: ChangeCode;
  message: string;
  params: Record<string, string | number>;
}

export interface ModelSwitch {
  request: GenerationRequest;
  /** How many of the references, in order, go with the new model. */
  keptReferences: number;
  changes: ModelChange[];
}

function fits(model: ModelInfo, size: ExactSize): boolean {
  return exactSizeProblem(model, size) === undefined;
}

/** The same shape scaled into the model's pixel range (sides multiples of 16); a preset when it cannot fit. */
function migrateSize(model: ModelInfo, size: RequestSize): RequestSize {
  if (typeof size === 'string') return model.sizePresets.includes(size) ? size : nearestPreset(model, size);
  if (fits(model, size)) return size;
  const pixels = size.width * size.height;
  const target = Math.min(Math.max(pixels, model.minPixels), model.maxPixels);
  const scale = Math.sqrt(target / pixels);
  const round = target > pixels ? Math.ceil : Math.floor;
  const scaled = {
    width: round((size.width * scale) / sideStep) * sideStep,
    height: round((size.height * scale) / sideStep) * sideStep,
  };
  return scaled.width > 0 && scaled.height > 0 && fits(model, scaled) ? scaled : nearestPreset(model, '2K');
}

/**
 * Moves a request to another model: whatever the new model cannot take is changed to the nearest thing it can,
 * and every change is listed, so nothing is dropped silently. Pure: the caller keeps the old request for undo.
 */
export function switchModel(request: GenerationRequest, referenceCount: number, to: ModelInfo): ModelSwitch {
  const changes: ModelChange[] = [];
  const change = (
    field: GenerationField,
    code: ChangeCode,
    message: string,
    params: Record<string, string | number> = {},
  ) => changes.push({ field, code, message, params });
  const next: GenerationRequest = { ...request, model: to.id };

  const keptReferences = Math.min(referenceCount, to.maxReferences);
  if (keptReferences < referenceCount) {
    change('references', 'references-kept', `${keptReferences} references kept of ${referenceCount}`, {
      kept: keptReferences,
      total: referenceCount,
    });
  }

  next.size = migrateSize(to, request.size);
  if (formatSize(next.size) !== formatSize(request.size)) {
    const params = { from: formatSize(request.size), to: formatSize(next.size) };
    change('size', 'size-changed', `size ${params.from} became ${params.to}`, params);
  }

  if (request.sequential === 'auto' && !to.sequentialGeneration) {
    next.sequential = 'disabled';
    change('sequential', 'sequence-off', `a sequence of up to ${request.maxImages} images became one image`, {
      images: request.maxImages,
    });
  }
  const room = maxImagesPerRequest - keptReferences;
  if (next.sequential === 'auto' && next.maxImages > room) {
    next.maxImages = Math.max(room, 1);
    change('maxImages', 'images-fewer', `up to ${request.maxImages} images became up to ${next.maxImages}`, {
      from: request.maxImages,
      to: next.maxImages,
    });
  }

  if (request.stream && !to.streaming) {
    next.stream = false;
    change('stream', 'stream-off', 'results appear at the end instead of one by one');
  }

  if (request.promptMode !== undefined && !to.promptModes.includes(request.promptMode)) {
    const fallback = to.promptModes.includes('standard') ? 'standard' : undefined;
    next.promptMode = fallback;
    if (fallback) {
      change(
        'promptMode',
        'prompt-mode-changed',
        `prompt optimisation ${request.promptMode} became standard`,
        {
          from: request.promptMode,
          to: fallback,
        },
      );
    } else {
      change('promptMode', 'prompt-mode-off', `prompt optimisation ${request.promptMode} is off`, {
        from: request.promptMode,
      });
    }
  }

  if (request.webSearch && !to.webSearch) {
    next.webSearch = false;
    change('webSearch', 'web-search-off', 'web search is off');
  }

  if (request.background !== undefined && !to.backgrounds.includes(request.background)) {
    next.background = undefined;
    change('background', 'background-dropped', `the ${request.background} background is left to the model`, {
      background: request.background,
    });
  }

  if (request.outputFormat === 'png' && !to.pngOutput) {
    next.outputFormat = 'jpeg';
    change('outputFormat', 'format-jpeg', 'PNG became JPEG');
  } else if (next.background === 'transparent' && next.outputFormat !== 'png') {
    next.outputFormat = 'png';
    change('outputFormat', 'format-png', 'JPEG became PNG, which keeps the transparency');
  }

  return { request: next, keptReferences, changes };
}
