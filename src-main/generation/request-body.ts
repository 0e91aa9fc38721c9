import { type GenerationRequest } from '../../src-preload/contract/generation';
import type { ModelInfo } from '../../src-preload/contract/models';
import { formatSize } from '../../src-preload/contract/request-size';

/**
 * The JSON fields sent for a request, minus reference images. The model's capabilities decide which fields
 * exist: a model that answers 400 to a field never receives it, and fields a model ignores are left out so the
 * stored parameters say what really shaped the image.
 */
export function buildRequestParams(
  request: GenerationRequest,
  model: ModelInfo,
  /** The model's id at the gateway the request goes to (model-offer.ts); the catalogue id by default. */
  sentModelId: string = model.id,
): Record<string, unknown> {
  const params: Record<string, unknown> = {
    model: sentModelId,
    prompt: request.prompt,
    size: formatSize(request.size),
    response_format: request.responseFormat,
    // The upstream default is to watermark, so the user's choice is always stated.
    watermark: request.watermark,
  };
  if (model.pngOutput) params.output_format = request.outputFormat;
  if (model.guidanceScale && request.guidanceScale !== undefined)
    params.guidance_scale = request.guidanceScale;
  if (model.seed && request.seed !== undefined) params.seed = request.seed;
  if (model.sequentialGeneration) {
    params.sequential_image_generation = request.sequential;
    if (request.sequential === 'auto') {
      params.sequential_image_generation_options = { max_images: request.maxImages };
    }
  }
  if (model.streaming && request.stream) params.stream = true;
  if (request.promptMode !== undefined && model.promptModes.includes(request.promptMode)) {
    params.optimize_prompt_options = { mode: request.promptMode };
  }
  if (model.webSearch && request.webSearch) params.tools = [{ type: 'web_search' }];
  if (request.background !== undefined && model.backgrounds.includes(request.background)) {
    params.background = request.background;
  }
  return params;
}

/** Data URIs need no JSON escaping, so they can be written as they are, without a quoted copy. */
const plainDataUri = /^data:image\/[a-z]+;base64,[A-Za-z0-9+/=]*$/;

/**
 * The request body as pieces to write one after another. Reference data URIs can be 13 MB each; joining or
 * quoting them would hold every reference twice.
 */
export function encodeRequestBody(params: Record<string, unknown>, references: readonly string[]): string[] {
  const head = JSON.stringify(params);
  if (references.length === 0) return [head];
  const parts = [`${head.slice(0, -1)},"image":[`];
  references.forEach((reference, index) => {
    if (index > 0) parts.push(',');
    if (plainDataUri.test(reference)) parts.push('"', reference, '"');
    else parts.push(JSON.stringify(reference));
  });
  parts.push(']}');
  return parts;
}
