import { findModel } from '../../../src-preload/contract/models';

/**
 * What was asked of the API, as a person reads it: the parameters stored with a generation (exactly what was
 * sent) become facts the inspector words and translates. Anything this version does not know is still shown,
 * under its own name.
 */
export type RequestFact =
  | { kind: 'model'; name: string }
  | { kind: 'size'; width: number; height: number }
  | { kind: 'sizePreset'; preset: string }
  | { kind: 'images'; count: number; sequence: boolean }
  | { kind: 'watermark'; on: boolean }
  | { kind: 'outputFormat'; format: string }
  | { kind: 'delivery'; as: 'link' | 'data' }
  | { kind: 'seed'; value: number }
  | { kind: 'guidance'; value: number }
  | { kind: 'progressive'; on: boolean }
  | { kind: 'other'; name: string; value: string };

/** Fields read into other facts, or shown elsewhere (the prompt has its own section). */
const consumed = new Set([
  'model',
  'prompt',
  'size',
  'sequential_image_generation',
  'sequential_image_generation_options',
  'watermark',
  'output_format',
  'response_format',
  'seed',
  'guidance_scale',
  'stream',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function plain(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function sizeFact(size: unknown): RequestFact | null {
  if (typeof size !== 'string' || size === '') return null;
  const exact = /^(\d+)x(\d+)$/.exec(size);
  if (exact) return { kind: 'size', width: Number(exact[1]), height: Number(exact[2]) };
  return { kind: 'sizePreset', preset: size };
}

function imagesFact(params: Record<string, unknown>): RequestFact {
  const options = params.sequential_image_generation_options;
  const maxImages = isRecord(options) && typeof options.max_images === 'number' ? options.max_images : null;
  if (params.sequential_image_generation === 'auto') {
    return { kind: 'images', count: maxImages ?? 15, sequence: true };
  }
  return { kind: 'images', count: 1, sequence: false };
}

export function describeRequest(params: Record<string, unknown>): RequestFact[] {
  const facts: RequestFact[] = [];
  if (typeof params.model === 'string') {
    facts.push({ kind: 'model', name: findModel(params.model)?.label ?? params.model });
  }
  const size = sizeFact(params.size);
  if (size) facts.push(size);
  facts.push(imagesFact(params));
  if (typeof params.output_format === 'string') {
    facts.push({ kind: 'outputFormat', format: params.output_format.toUpperCase() });
  }
  if (typeof params.watermark === 'boolean') facts.push({ kind: 'watermark', on: params.watermark });
  if (typeof params.seed === 'number') facts.push({ kind: 'seed', value: params.seed });
  if (typeof params.guidance_scale === 'number')
    facts.push({ kind: 'guidance', value: params.guidance_scale });
  if (params.response_format === 'url' || params.response_format === 'b64_json') {
    facts.push({ kind: 'delivery', as: params.response_format === 'url' ? 'link' : 'data' });
  }
  if (typeof params.stream === 'boolean') facts.push({ kind: 'progressive', on: params.stream });
  for (const name of Object.keys(params).sort()) {
    if (!consumed.has(name)) facts.push({ kind: 'other', name, value: plain(params[name]) });
  }
  return facts;
}
