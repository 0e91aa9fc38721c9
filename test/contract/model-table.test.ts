import { describe, expect, it } from 'vitest';
import {
  blockingIssues,
  generationRequestSchema,
  validateGenerationRequest,
  type GenerationRequest,
} from '../../src-preload/contract/generation';
import { gatewayProfiles } from '../../src-preload/contract/gateway-profiles';
import { findModel, modelCatalogue, modelInfoSchema } from '../../src-preload/contract/models';
import { buildRequestParams } from '../../src-main/generation/request-body';

/** A request that asks for everything any model offers, so each model's builder shows what it drops. */
function everything(model: string): GenerationRequest {
  return generationRequestSchema.parse({
    model,
    prompt: 'a lighthouse',
    size: '2K',
    outputFormat: 'png',
    sequential: 'auto',
    maxImages: 3,
    stream: true,
    promptMode: 'standard',
    webSearch: true,
    background: 'transparent',
    seed: 7,
    guidanceScale: 3,
  });
}

describe('the model table', () => {
  it('has every model the issue names, each valid and citing its sources', () => {
    expect(modelCatalogue.map((model) => model.label)).toEqual([
      'Seedream 5.0 lite',
      'Seedream 4.5',
      'Seedream 4.0',
      'Seedream 5.0 pro',
      'Seedream 5.0 flash',
      'Seedream 5.5',
    ]);
    for (const model of modelCatalogue) {
      expect(() => modelInfoSchema.parse(model)).not.toThrow();
      expect(new Set(modelCatalogue.map((entry) => entry.id)).size).toBe(modelCatalogue.length);
    }
  });

  it('finds a model by any gateway id, so a record sent to BytePlus reads back', () => {
    expect(findModel('seedream-4-5-251128')?.id).toBe('doubao-seedream-4-5-251128');
    expect(findModel('doubao-seedream-4-0-250828')?.label).toBe('Seedream 4.0');
    expect(findModel('seedream-9')).toBeUndefined();
  });

  it('prices every model in the currency of every gateway that sells it', () => {
    for (const profile of Object.values(gatewayProfiles)) {
      for (const model of modelCatalogue.filter((entry) => entry.ids[profile.modelIdsOf])) {
        expect(
          model.listPrices.some((price) => price.currency === profile.currency),
          `${model.label} on ${profile.label}`,
        ).toBe(true);
      }
    }
  });
});

describe.each(modelCatalogue.map((model) => [model.label, model] as const))('%s', (_label, model) => {
  it('builds a body with only the fields it takes', () => {
    const params = buildRequestParams(everything(model.id), model);
    expect('output_format' in params).toBe(model.pngOutput);
    expect('sequential_image_generation' in params).toBe(model.sequentialGeneration);
    expect(params.stream === true).toBe(model.streaming);
    expect('optimize_prompt_options' in params).toBe(model.promptModes.includes('standard'));
    expect('tools' in params).toBe(model.webSearch);
    expect(params.background === 'transparent').toBe(model.backgrounds.includes('transparent'));
    expect('seed' in params).toBe(model.seed);
    expect('guidance_scale' in params).toBe(model.guidanceScale);
  });

  it('sends the id of the gateway it goes to', () => {
    for (const id of Object.values(model.ids)) {
      expect(buildRequestParams(everything(model.id), model, id).model).toBe(id);
    }
  });

  it('blocks exactly the options it lacks', () => {
    const codes = blockingIssues(validateGenerationRequest(everything(model.id), { referenceCount: 0 })).map(
      (found) => found.code,
    );
    expect(codes.includes('format-unsupported')).toBe(!model.pngOutput);
    expect(codes.includes('sequence-unsupported')).toBe(!model.sequentialGeneration);
    expect(codes.includes('web-search-unsupported')).toBe(!model.webSearch);
    expect(codes.includes('background-unsupported')).toBe(!model.backgrounds.includes('transparent'));
    expect(codes.includes('prompt-mode-unsupported')).toBe(!model.promptModes.includes('standard'));
    expect(codes.includes('size-preset-unsupported')).toBe(!model.sizePresets.includes('2K'));
  });

  it('refuses more references than it takes', () => {
    const request = { ...everything(model.id), sequential: 'disabled' as const };
    const over = validateGenerationRequest(request, { referenceCount: model.maxReferences + 1 });
    const at = validateGenerationRequest(request, { referenceCount: model.maxReferences });
    expect(over.map((found) => found.code)).toContain('too-many-references');
    expect(at.map((found) => found.code)).not.toContain('too-many-references');
  });
});

describe('the newer options', () => {
  it('sends the thinking mode only to a model that offers it', () => {
    const base = modelCatalogue[0];
    if (!base) throw new Error('empty catalogue');
    const thinking = { ...base, id: 'thinker', promptModes: ['standard', 'thinking'] as const };
    const model = { ...thinking, promptModes: [...thinking.promptModes] };
    const request = { ...everything('thinker'), promptMode: 'thinking' as const };
    expect(buildRequestParams(request, model).optimize_prompt_options).toEqual({ mode: 'thinking' });
    expect(
      validateGenerationRequest(request, { referenceCount: 0, catalogue: [model] }).map((i) => i.code),
    ).not.toContain('prompt-mode-unsupported');
    expect(
      validateGenerationRequest({ ...request, model: base.id }, { referenceCount: 0 }).map((i) => i.code),
    ).toContain('prompt-mode-unsupported');
  });

  it('asks for PNG when the background is transparent', () => {
    const request = { ...everything('seedream-5-5-261028'), outputFormat: 'jpeg' as const };
    const issues = validateGenerationRequest(request, { referenceCount: 0 });
    expect(issues.find((found) => found.code === 'transparent-needs-png')?.field).toBe('outputFormat');
  });

  it('says which gateway does not offer the model', () => {
    const issues = validateGenerationRequest(everything('seedream-5-5-261028'), {
      referenceCount: 0,
      offer: { modelIds: ['doubao-seedream-4-5-251128'], gateway: 'Volcengine Ark' },
    });
    expect(issues[0]).toMatchObject({ code: 'model-not-offered', field: 'model', severity: 'error' });
    expect(issues[0]?.message).toBe(
      'Volcengine Ark does not offer Seedream 5.5. Choose another model, or another gateway in Settings.',
    );
  });
});
