import { z } from 'zod';

export const sizePresets = ['1K', '2K', '3K', '4K'] as const;
export const sizePresetSchema = z.enum(sizePresets);
export type SizePreset = z.infer<typeof sizePresetSchema>;

/**
 * How a model reads places written into the prompt: `{x} {y}` and `{x1} {y1} {x2} {y2}` are replaced by
 * coordinates from 0 to `scale` across the referenced image's width and height.
 */
export const regionTagFormatSchema = z.object({
  point: z.string().min(1),
  box: z.string().min(1),
  scale: z.number().int().positive(),
});
export type RegionTagFormat = z.infer<typeof regionTagFormatSchema>;

/** The 5.0 pro/flash family's tags, as the provider documents them. */
const seedreamRegionTags: RegionTagFormat = {
  point: '<point>{x} {y}</point>',
  box: '<bbox>{x1} {y1} {x2} {y2}</bbox>',
  scale: 999,
};

/**
 * What one model accepts. The catalogue is data so that a new model ID joins by adding an entry: validation,
 * the request builder and the UI read capabilities from here and never test model IDs.
 */
export const modelInfoSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  sizePresets: z.array(sizePresetSchema).min(1),
  /** Limits on width x height when an exact size is sent. */
  minPixels: z.number().int().positive(),
  maxPixels: z.number().int().positive(),
  /** The widest aspect ratio accepted, as long side / short side. */
  maxAspectRatio: z.number().positive(),
  /** Whether `output_format` may be sent (models without it always answer JPEG). */
  pngOutput: z.boolean(),
  /** `sequential_image_generation` and its options; the API answers 400 to models without it. */
  sequentialGeneration: z.boolean(),
  /** `stream: true` (server-sent events); the API answers 400 to models without it. */
  streaming: z.boolean(),
  maxReferences: z.number().int().nonnegative(),
  seed: z.boolean(),
  guidanceScale: z.boolean(),
  /** Point and box tags in the prompt (the Edit view's Regions mode); null where the model does not read them. */
  regions: regionTagFormatSchema.nullable(),
});

export type ModelInfo = z.infer<typeof modelInfoSchema>;

/** Reference images plus generated images may not exceed this, whatever the model. */
export const maxImagesPerRequest = 15;

export const modelCatalogue: readonly ModelInfo[] = [
  {
    id: 'doubao-seedream-5-0-260128',
    label: 'Seedream 5.0 lite',
    sizePresets: ['2K', '3K'],
    minPixels: 3_686_400,
    maxPixels: 10_404_496,
    maxAspectRatio: 16,
    pngOutput: true,
    sequentialGeneration: true,
    streaming: true,
    maxReferences: 14,
    seed: false,
    guidanceScale: false,
    regions: null,
  },
  {
    id: 'doubao-seedream-4-5-251128',
    label: 'Seedream 4.5',
    sizePresets: ['2K', '4K'],
    minPixels: 3_686_400,
    maxPixels: 16_777_216,
    maxAspectRatio: 16,
    pngOutput: false,
    sequentialGeneration: true,
    streaming: true,
    maxReferences: 14,
    seed: false,
    guidanceScale: false,
    regions: null,
  },
  {
    id: 'doubao-seedream-4-0-250828',
    label: 'Seedream 4.0',
    sizePresets: ['1K', '2K', '4K'],
    minPixels: 921_600,
    maxPixels: 16_777_216,
    maxAspectRatio: 16,
    pngOutput: false,
    sequentialGeneration: true,
    streaming: true,
    maxReferences: 14,
    seed: false,
    guidanceScale: false,
    regions: null,
  },
  {
    id: 'seedream-5-0-pro-260628',
    label: 'Seedream 5.0 pro',
    sizePresets: ['1K', '2K'],
    minPixels: 921_600,
    maxPixels: 4_194_304,
    maxAspectRatio: 16,
    pngOutput: true,
    sequentialGeneration: false,
    streaming: false,
    maxReferences: 10,
    seed: false,
    guidanceScale: false,
    regions: seedreamRegionTags,
  },
];

/** 4.5 balances quality and breadth: 4K output, sequences and streaming, and the widest reference support. */
export const defaultModelId = 'doubao-seedream-4-5-251128';

export function findModel(
  id: string,
  catalogue: readonly ModelInfo[] = modelCatalogue,
): ModelInfo | undefined {
  return catalogue.find((model) => model.id === id);
}
