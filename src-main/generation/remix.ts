import { z } from 'zod';
import { generationRequestSchema, type GenerationRequest } from '../../src-preload/contract/generation';
import {
  backgroundSchema,
  findModel,
  promptModeSchema,
  sizePresetSchema,
} from '../../src-preload/contract/models';
import { parseExactSize } from '../../src-preload/contract/request-size';

/** The API fields as `buildRequestParams` wrote them; anything else in an old record is ignored. */
const sentParamsSchema = z.object({
  model: z.string(),
  prompt: z.string(),
  size: z.string().optional(),
  response_format: z.enum(['url', 'b64_json']).optional(),
  output_format: z.enum(['png', 'jpeg']).optional(),
  watermark: z.boolean().optional(),
  guidance_scale: z.number().optional(),
  seed: z.number().int().optional(),
  sequential_image_generation: z.enum(['auto', 'disabled']).optional(),
  sequential_image_generation_options: z.object({ max_images: z.number().int() }).partial().optional(),
  stream: z.boolean().optional(),
  optimize_prompt_options: z.object({ mode: promptModeSchema }).optional(),
  tools: z.array(z.object({ type: z.string() })).optional(),
  background: backgroundSchema.optional(),
});

function sizeFrom(text: string | undefined): GenerationRequest['size'] | undefined {
  if (text === undefined) return undefined;
  const preset = sizePresetSchema.safeParse(text.toUpperCase());
  return preset.success ? preset.data : parseExactSize(text);
}

/**
 * Turns the parameters stored with a generation back into a workspace request, so a remix starts from exactly
 * what was sent. Fields the model did not receive take the workspace defaults.
 */
export function requestFromSentParams(params: Record<string, unknown>): GenerationRequest | null {
  const sent = sentParamsSchema.safeParse(params);
  if (!sent.success) return null;
  const p = sent.data;
  const request = generationRequestSchema.safeParse({
    // A gateway's own id reads back as the catalogue's, so a remix works on any gateway that sells the model.
    model: findModel(p.model)?.id ?? p.model,
    prompt: p.prompt,
    size: sizeFrom(p.size),
    responseFormat: p.response_format,
    outputFormat: p.output_format,
    watermark: p.watermark,
    guidanceScale: p.guidance_scale,
    seed: p.seed,
    sequential: p.sequential_image_generation,
    maxImages: p.sequential_image_generation_options?.max_images,
    stream: p.stream,
    promptMode: p.optimize_prompt_options?.mode,
    webSearch: p.tools?.some((tool) => tool.type === 'web_search'),
    background: p.background,
  });
  return request.success ? request.data : null;
}
