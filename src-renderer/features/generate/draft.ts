import { z } from 'zod';
import { generationRequestSchema, type GenerationRequest } from '../../../src-preload/contract/generation';
import {
  backgroundSchema,
  defaultModelId,
  findModel,
  maxImagesPerRequest,
  modelCatalogue,
  promptModeSchema,
  type ModelInfo,
} from '../../../src-preload/contract/models';
import { choiceForSize, resolveSizeChoice, sizeChoiceSchema } from './size-choice';

/**
 * What the workspace remembers between runs: the user's choices, not the request. A choice the current
 * model cannot honour (PNG on a JPEG-only model, a sequence on a model without one) is kept, so switching
 * back to a model that can restores it; `buildRequest` decides what is actually sent.
 */
const fields = generationRequestSchema.shape;

export const seedModes = ['random', 'fixed', 'last'] as const;
export type SeedMode = (typeof seedModes)[number];

const defaultDraft = {
  prompt: '',
  model: defaultModelId,
  size: { kind: 'aspect', ratio: '1:1', preset: '2K' },
  responseFormat: 'url',
  outputFormat: 'jpeg',
  watermark: false,
  guidanceScale: 2.5,
  seedMode: 'random',
  seed: 42,
  sequential: 'disabled',
  maxImages: 4,
  progressive: null,
  promptMode: null,
  webSearch: false,
  background: null,
} as const satisfies Record<string, unknown>;

/** Each field falls back on its own, so one stale or hand-edited value never throws the rest away. */
const draftSchema = z.object({
  prompt: z.string().max(20_000).catch(defaultDraft.prompt),
  model: fields.model.catch(defaultDraft.model),
  size: sizeChoiceSchema.catch(defaultDraft.size),
  responseFormat: fields.responseFormat.unwrap().catch(defaultDraft.responseFormat),
  outputFormat: fields.outputFormat.unwrap().catch(defaultDraft.outputFormat),
  watermark: fields.watermark.unwrap().catch(defaultDraft.watermark),
  guidanceScale: fields.guidanceScale.unwrap().catch(defaultDraft.guidanceScale),
  seedMode: z.enum(seedModes).catch(defaultDraft.seedMode),
  seed: z.number().int().min(0).max(2_147_483_647).catch(defaultDraft.seed),
  sequential: fields.sequential.unwrap().catch(defaultDraft.sequential),
  maxImages: fields.maxImages.unwrap().catch(defaultDraft.maxImages),
  /** null follows the Settings default for progressive results. */
  progressive: z.boolean().nullable().catch(defaultDraft.progressive),
  /** null sends no prompt optimisation at all. */
  promptMode: promptModeSchema.nullable().catch(defaultDraft.promptMode),
  webSearch: z.boolean().catch(defaultDraft.webSearch),
  /** null leaves the background to the model. */
  background: backgroundSchema.nullable().catch(defaultDraft.background),
});
export type WorkspaceDraft = z.infer<typeof draftSchema>;

export const draftStorageKey = 'seedream.generate.draft';

/** The part of `Storage` the draft needs, so tests can pass a map. */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function parseDraft(raw: string | null): WorkspaceDraft {
  if (raw === null) return draftSchema.parse({});
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = {};
  }
  const draft = draftSchema.parse(typeof value === 'object' && value !== null ? value : {});
  return findModel(draft.model) ? draft : { ...draft, model: defaultModelId };
}

export function loadDraft(storage: DraftStorage | null): WorkspaceDraft {
  try {
    return parseDraft(storage?.getItem(draftStorageKey) ?? null);
  } catch {
    return parseDraft(null);
  }
}

export function saveDraft(storage: DraftStorage | null, draft: WorkspaceDraft): void {
  try {
    storage?.setItem(draftStorageKey, JSON.stringify(draft));
  } catch {
    // A full or disabled storage only costs the memory of the last settings; generating still works.
  }
}

export function modelOf(draft: Pick<WorkspaceDraft, 'model'>): ModelInfo {
  const model = findModel(draft.model) ?? findModel(defaultModelId) ?? modelCatalogue[0];
  if (!model) throw new Error('The model catalogue is empty.');
  return model;
}

/** How many images a sequence may still ask for next to this many references. */
export function sequenceRoom(referenceCount: number): number {
  return Math.max(maxImagesPerRequest - referenceCount, 0);
}

/** The max-images value actually used: the user's choice, bounded by the references in the tray. */
export function effectiveMaxImages(draft: WorkspaceDraft, referenceCount: number): number {
  return Math.max(1, Math.min(draft.maxImages, sequenceRoom(referenceCount)));
}

export interface RequestContext {
  referenceCount: number;
  /** Settings' default for progressive results. */
  progressiveDefault: boolean;
  /** The seed sent with the previous generation, for "re-use last". */
  lastSeed: number | null;
  /** Draws the seed for "random"; injected so tests are deterministic. */
  randomSeed: () => number;
}

/** The request the current draft sends: only what the model accepts, everything else left at its default. */
export function buildRequest(draft: WorkspaceDraft, context: RequestContext): GenerationRequest {
  const model = modelOf(draft);
  const sequence = draft.sequential === 'auto' && model.sequentialGeneration;
  const request: GenerationRequest = {
    model: model.id,
    prompt: draft.prompt,
    size: resolveSizeChoice(model, draft.size),
    responseFormat: draft.responseFormat,
    outputFormat: model.pngOutput ? draft.outputFormat : 'jpeg',
    watermark: draft.watermark,
    sequential: sequence ? 'auto' : 'disabled',
    maxImages: sequence ? effectiveMaxImages(draft, context.referenceCount) : 1,
    stream: model.streaming && (draft.progressive ?? context.progressiveDefault),
  };
  if (model.guidanceScale) request.guidanceScale = draft.guidanceScale;
  // The newer options go only to a model whose catalogue entry offers them.
  if (draft.promptMode !== null && model.promptModes.includes(draft.promptMode)) {
    request.promptMode = draft.promptMode;
  }
  if (draft.webSearch && model.webSearch) request.webSearch = true;
  if (draft.background !== null && model.backgrounds.includes(draft.background)) {
    request.background = draft.background;
  }
  if (model.seed) request.seed = chooseSeed(draft, context);
  return request;
}

function chooseSeed(draft: WorkspaceDraft, context: RequestContext): number {
  if (draft.seedMode === 'fixed') return draft.seed;
  if (draft.seedMode === 'last' && context.lastSeed !== null) return context.lastSeed;
  return context.randomSeed();
}

/** The settings of an earlier generation, as the workspace shows them. */
export function draftFromRequest(current: WorkspaceDraft, request: GenerationRequest): WorkspaceDraft {
  const model = findModel(request.model);
  return {
    ...current,
    prompt: request.prompt,
    model: model ? model.id : current.model,
    size: choiceForSize(model, request.size),
    responseFormat: request.responseFormat,
    outputFormat: request.outputFormat,
    watermark: request.watermark,
    guidanceScale: request.guidanceScale ?? current.guidanceScale,
    seedMode: request.seed === undefined ? current.seedMode : 'fixed',
    seed: request.seed !== undefined && request.seed >= 0 ? request.seed : current.seed,
    sequential: request.sequential,
    maxImages: request.sequential === 'auto' ? request.maxImages : current.maxImages,
    progressive: request.stream,
    promptMode: request.promptMode ?? null,
    webSearch: request.webSearch ?? false,
    background: request.background ?? null,
  };
}
