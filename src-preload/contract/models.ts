import { z } from 'zod';
import { currencies, gatewayKinds, type GatewayKind } from './gateway-profiles';

export const sizePresets = ['1K', '2K', '3K', '4K'] as const;
export const sizePresetSchema = z.enum(sizePresets);
export type SizePreset = z.infer<typeof sizePresetSchema>;

/** `optimize_prompt_options.mode`: what the gateway does to the prompt before the model sees it. */
export const promptModes = ['standard', 'fast', 'thinking'] as const;
export const promptModeSchema = z.enum(promptModes);
export type PromptMode = z.infer<typeof promptModeSchema>;

/** `background`: a transparent result is a PNG with alpha, an opaque one has none. */
export const backgrounds = ['transparent', 'opaque'] as const;
export const backgroundSchema = z.enum(backgrounds);
export type Background = z.infer<typeof backgroundSchema>;

/** Gateways whose model ids the table lists; a custom gateway borrows CometAPI's. */
const idGateways = gatewayKinds.filter((kind): kind is Exclude<GatewayKind, 'custom'> => kind !== 'custom');
const idGatewaySchema = z.enum(
  idGateways as [Exclude<GatewayKind, 'custom'>, ...Exclude<GatewayKind, 'custom'>[]],
);

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

/**
 * A list price, in millionths of the currency unit so sums never drift: what one generated image costs, and
 * what each reference image beyond the free ones adds.
 */
export const priceSchema = z.object({
  currency: z.enum(currencies),
  perImageMicros: z.number().int().nonnegative(),
  perReferenceMicros: z.number().int().nonnegative().default(0),
  freeReferences: z.number().int().nonnegative().default(0),
});
export type Price = z.infer<typeof priceSchema>;

/**
 * What one model accepts. The catalogue is data so that a new model joins by adding an entry: validation,
 * the request builder, the cost estimate and the UI read capabilities from here and never test model IDs.
 */
export const modelInfoSchema = z.object({
  /** The catalogue's own name for the model: its CometAPI id, which the library has always recorded. */
  id: z.string().min(1),
  label: z.string().min(1),
  /** The id each gateway knows the model by; a gateway without an entry does not sell it. */
  ids: z.partialRecord(idGatewaySchema, z.string().min(1)),
  /**
   * Gateways whose id above is not documented by the gateway itself: the model is offered there only once the
   * gateway's own model list names it.
   */
  unconfirmedOn: z.array(idGatewaySchema),
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
  /** `optimize_prompt_options.mode` values; empty when the field is not sent at all. */
  promptModes: z.array(promptModeSchema),
  /** `tools: [{type: "web_search"}]`. */
  webSearch: z.boolean(),
  /** Point and box tags in the prompt (the Edit view's Regions mode); null where the model does not read them. */
  regions: regionTagFormatSchema.nullable(),
  /** `background` values; empty when the field is not sent. */
  backgrounds: z.array(backgroundSchema),
  /** List prices by currency; the gateway's currency picks one, a live price list overrides it. */
  listPrices: z.array(priceSchema).min(1),
  /** Where each fact above comes from. */
  sources: z.array(z.url()).min(1),
});

export type ModelInfo = z.infer<typeof modelInfoSchema>;

/** Reference images plus generated images may not exceed this, whatever the model. */
export const maxImagesPerRequest = 15;

import { modelCatalogue } from './model-table';

export { modelCatalogue };

/** 4.5 balances quality and breadth: 4K output, sequences and streaming, and the widest reference support. */
export const defaultModelId = 'doubao-seedream-4-5-251128';

/** Finds a model by the catalogue's id or by any gateway's id for it (a remix reads back what was sent). */
export function findModel(
  id: string,
  catalogue: readonly ModelInfo[] = modelCatalogue,
): ModelInfo | undefined {
  return (
    catalogue.find((model) => model.id === id) ??
    catalogue.find((model) => Object.values(model.ids).includes(id))
  );
}
