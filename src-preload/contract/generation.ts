import { z } from 'zod';
import {
  backgroundSchema,
  findModel,
  maxImagesPerRequest,
  modelCatalogue,
  promptModeSchema,
  sizePresetSchema,
} from './models';
import type { ModelInfo } from './models';
import { exactSizeProblem, formatSize, type SizeProblem } from './request-size';

export const exactSizeSchema = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type ExactSize = z.infer<typeof exactSizeSchema>;

/** A bare preset lets the model pick the aspect ratio from the prompt; an exact size pins it. */
export const requestSizeSchema = z.union([sizePresetSchema, exactSizeSchema]);
export type RequestSize = z.infer<typeof requestSizeSchema>;

/**
 * The hard limit main enforces before anything is recorded or sent: ten times the recommended length, so no
 * real prompt meets it, while a renderer cannot make main store and send megabytes of text.
 */
export const maxPromptLength = 10_000;
const promptTooLong = `A prompt may be at most ${maxPromptLength} characters long; shorten it and try again.`;

export const generationRequestSchema = z.object({
  model: z.string().min(1).max(200),
  prompt: z.string().max(maxPromptLength, { error: promptTooLong }),
  size: requestSizeSchema.default({ width: 2048, height: 2048 }),
  responseFormat: z.enum(['url', 'b64_json']).default('url'),
  outputFormat: z.enum(['png', 'jpeg']).default('jpeg'),
  watermark: z.boolean().default(false),
  guidanceScale: z.number().min(1).max(10).optional(),
  seed: z.number().int().min(-1).max(2_147_483_647).optional(),
  sequential: z.enum(['auto', 'disabled']).default('disabled'),
  maxImages: z.number().int().min(1).max(maxImagesPerRequest).default(1),
  stream: z.boolean().default(false),
  /** `optimize_prompt_options.mode`; absent means the field is not sent. */
  promptMode: promptModeSchema.optional(),
  /** `tools: [{type: "web_search"}]`: the model may look things up before drawing. */
  webSearch: z.boolean().optional(),
  /** `background`; absent means the model decides. */
  background: backgroundSchema.optional(),
});

export type GenerationRequest = z.infer<typeof generationRequestSchema>;
export type GenerationRequestInput = z.input<typeof generationRequestSchema>;
export type GenerationField = keyof GenerationRequest | 'references';

export const issueCodes = [
  'unknown-model',
  'prompt-empty',
  'prompt-long',
  'prompt-too-long',
  'size-preset-unsupported',
  'size-too-small',
  'size-too-large',
  'size-aspect',
  'format-unsupported',
  'sequence-unsupported',
  'stream-unsupported',
  'guidance-ignored',
  'seed-ignored',
  'too-many-references',
  'too-many-images',
  'model-not-offered',
  'prompt-mode-unsupported',
  'web-search-unsupported',
  'background-unsupported',
  'transparent-needs-png',
] as const;
export type IssueCode = (typeof issueCodes)[number];

/**
 * One finding about one control. `message` is an English fallback; `code` and `params` let the renderer
 * translate. Warnings inform, errors block sending.
 */
export interface GenerationIssue {
  field: GenerationField;
  code: IssueCode;
  severity: 'error' | 'warning';
  message: string;
  params: Record<string, string | number>;
}

export interface ValidationContext {
  referenceCount: number;
  catalogue?: readonly ModelInfo[];
  /**
   * The catalogue ids the chosen gateway offers now (see model-offer.ts), and its name; without them every
   * catalogue entry counts as offered.
   */
  offer?: { modelIds: readonly string[]; gateway: string };
}

/** Recommended prompt budget: 300 CJK characters or 1000 other characters, mixed proportionally. */
export const promptBudget = { cjk: 300, other: 1000 } as const;

const cjkPattern = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export interface PromptMeasure {
  cjkChars: number;
  otherChars: number;
  /** Share of the recommended budget used; above 1 the model may ignore the end of the prompt. */
  budgetUsed: number;
}

export function measurePrompt(prompt: string): PromptMeasure {
  let cjkChars = 0;
  let otherChars = 0;
  for (const char of prompt) {
    if (cjkPattern.test(char)) cjkChars += 1;
    else otherChars += 1;
  }
  return { cjkChars, otherChars, budgetUsed: cjkChars / promptBudget.cjk + otherChars / promptBudget.other };
}

function issue(
  field: GenerationField,
  code: IssueCode,
  message: string,
  params: Record<string, string | number> = {},
  severity: GenerationIssue['severity'] = 'error',
): GenerationIssue {
  return { field, code, severity, message, params };
}

function sizeIssues(model: ModelInfo, size: RequestSize): GenerationIssue[] {
  if (typeof size === 'string') {
    return model.sizePresets.includes(size)
      ? []
      : [
          issue(
            'size',
            'size-preset-unsupported',
            `${model.label} offers the sizes ${model.sizePresets.join(', ')}.`,
            {
              preset: size,
              presets: model.sizePresets.join(', '),
            },
          ),
        ];
  }
  const problem = exactSizeProblem(model, size);
  if (!problem) return [];
  const text = formatSize(size);
  const messages: Record<SizeProblem['code'], string> = {
    'size-too-small': `${text} is too small for ${model.label}: it needs at least ${model.minPixels} pixels in all.`,
    'size-too-large': `${text} is too large for ${model.label}: it allows at most ${model.maxPixels} pixels in all.`,
    'size-aspect': `${text} is too narrow: the long side may be at most ${model.maxAspectRatio} times the short side.`,
  };
  return [issue('size', problem.code, messages[problem.code], { size: text, ...problem.params })];
}

function promptIssues(prompt: string): GenerationIssue[] {
  if (prompt.trim() === '') return [issue('prompt', 'prompt-empty', 'Describe the image you want.')];
  if (prompt.length > maxPromptLength) {
    return [
      issue('prompt', 'prompt-too-long', promptTooLong, { length: prompt.length, max: maxPromptLength }),
    ];
  }
  const measure = measurePrompt(prompt);
  if (measure.budgetUsed <= 1) return [];
  return [
    issue(
      'prompt',
      'prompt-long',
      `The prompt is longer than recommended (about ${promptBudget.cjk} Chinese or ${promptBudget.other} other characters); the model may ignore details at the end.`,
      {
        cjkChars: measure.cjkChars,
        otherChars: measure.otherChars,
        cjkLimit: promptBudget.cjk,
        otherLimit: promptBudget.other,
      },
      'warning',
    ),
  ];
}

function capabilityIssues(model: ModelInfo, request: GenerationRequest): GenerationIssue[] {
  const found: GenerationIssue[] = [];
  const params = { model: model.label };
  if (request.outputFormat === 'png' && !model.pngOutput) {
    found.push(
      issue('outputFormat', 'format-unsupported', `${model.label} only produces JPEG images.`, params),
    );
  }
  if (request.sequential === 'auto' && !model.sequentialGeneration) {
    found.push(
      issue('sequential', 'sequence-unsupported', `${model.label} cannot generate image sequences.`, params),
    );
  }
  if (request.stream && !model.streaming) {
    found.push(
      issue(
        'stream',
        'stream-unsupported',
        `${model.label} cannot show results progressively; they will all appear at the end.`,
        params,
        'warning',
      ),
    );
  }
  if (request.guidanceScale !== undefined && !model.guidanceScale) {
    found.push(
      issue(
        'guidanceScale',
        'guidance-ignored',
        `${model.label} ignores the guidance scale.`,
        params,
        'warning',
      ),
    );
  }
  if (request.seed !== undefined && !model.seed) {
    found.push(issue('seed', 'seed-ignored', `${model.label} ignores the seed.`, params, 'warning'));
  }
  return [...found, ...optionIssues(model, request)];
}

/** The newer options: prompt optimisation, web search and the background. */
function optionIssues(model: ModelInfo, request: GenerationRequest): GenerationIssue[] {
  const found: GenerationIssue[] = [];
  if (request.promptMode !== undefined && !model.promptModes.includes(request.promptMode)) {
    const modes = model.promptModes.join(', ');
    found.push(
      issue(
        'promptMode',
        'prompt-mode-unsupported',
        modes === ''
          ? `${model.label} has no prompt optimisation.`
          : `${model.label} offers the prompt optimisation modes ${modes}, not ${request.promptMode}.`,
        { model: model.label, mode: request.promptMode, modes },
      ),
    );
  }
  if (request.webSearch && !model.webSearch) {
    found.push(
      issue('webSearch', 'web-search-unsupported', `${model.label} cannot search the web.`, {
        model: model.label,
      }),
    );
  }
  if (request.background !== undefined && !model.backgrounds.includes(request.background)) {
    found.push(
      issue(
        'background',
        'background-unsupported',
        `${model.label} cannot make a ${request.background} background.`,
        { model: model.label, background: request.background },
      ),
    );
  } else if (request.background === 'transparent' && request.outputFormat !== 'png') {
    found.push(
      issue(
        'outputFormat',
        'transparent-needs-png',
        'A transparent background needs PNG output: JPEG has no transparency.',
      ),
    );
  }
  return found;
}

function countIssues(
  model: ModelInfo,
  request: GenerationRequest,
  referenceCount: number,
): GenerationIssue[] {
  const found: GenerationIssue[] = [];
  if (referenceCount > model.maxReferences) {
    found.push(
      issue(
        'references',
        'too-many-references',
        `${model.label} accepts at most ${model.maxReferences} reference images.`,
        {
          count: referenceCount,
          max: model.maxReferences,
        },
      ),
    );
  }
  const generated = requestedImageCount(model, request);
  if (referenceCount + generated > maxImagesPerRequest) {
    found.push(
      issue(
        'maxImages',
        'too-many-images',
        `Reference images plus generated images may be at most ${maxImagesPerRequest}: with ${referenceCount} references, ask for at most ${Math.max(maxImagesPerRequest - referenceCount, 0)} images.`,
        { references: referenceCount, images: generated, max: maxImagesPerRequest },
      ),
    );
  }
  return found;
}

/** How many images the request asks for: a sequence allows up to `maxImages`, otherwise one. */
export function requestedImageCount(model: ModelInfo, request: GenerationRequest): number {
  return request.sequential === 'auto' && model.sequentialGeneration ? request.maxImages : 1;
}

/**
 * Checks a request against the catalogue before anything is sent. Pure, so the renderer can run it on every
 * keystroke and main can run it again before spending the user's money.
 */
export function validateGenerationRequest(
  request: GenerationRequest,
  context: ValidationContext,
): GenerationIssue[] {
  const model = findModel(request.model, context.catalogue ?? modelCatalogue);
  if (model && context.offer && !context.offer.modelIds.includes(model.id)) {
    return [
      issue(
        'model',
        'model-not-offered',
        `${context.offer.gateway} does not offer ${model.label}. Choose another model, or another gateway in Settings.`,
        { model: model.label, gateway: context.offer.gateway },
      ),
      ...promptIssues(request.prompt),
    ];
  }
  if (!model) {
    return [
      issue('model', 'unknown-model', `The model "${request.model}" is not in the catalogue.`, {
        model: request.model,
      }),
      ...promptIssues(request.prompt),
    ];
  }
  return [
    ...promptIssues(request.prompt),
    ...sizeIssues(model, request.size),
    ...capabilityIssues(model, request),
    ...countIssues(model, request, context.referenceCount),
  ];
}

export function blockingIssues(issues: readonly GenerationIssue[]): GenerationIssue[] {
  return issues.filter((found) => found.severity === 'error');
}
