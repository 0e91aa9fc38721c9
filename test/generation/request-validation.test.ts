import { describe, expect, it } from 'vitest';
import {
  blockingIssues,
  generationRequestSchema,
  maxPromptLength,
  measurePrompt,
  validateGenerationRequest,
  type GenerationRequestInput,
} from '../../src-preload/contract/generation';
import { defaultModelId, modelCatalogue, type ModelInfo } from '../../src-preload/contract/models';
import { model } from '../support/models';
import { parseExactSize, resolveAspectSize } from '../../src-preload/contract/request-size';

function request(input: Partial<GenerationRequestInput> = {}) {
  return generationRequestSchema.parse({ model: defaultModelId, prompt: 'a red fox in snow', ...input });
}

function codes(input: Partial<GenerationRequestInput>, referenceCount = 0) {
  return validateGenerationRequest(request(input), { referenceCount }).map((found) => [
    found.field,
    found.code,
  ]);
}

const pro = 'seedream-5-0-pro-260628';
const lite = 'doubao-seedream-5-0-260128';

describe('generation request schema', () => {
  it('fills safe defaults, including an explicit watermark choice', () => {
    expect(request()).toMatchObject({
      size: { width: 2048, height: 2048 },
      responseFormat: 'url',
      watermark: false,
      sequential: 'disabled',
      maxImages: 1,
      stream: false,
    });
  });

  it('refuses out-of-range numbers at the boundary', () => {
    expect(generationRequestSchema.safeParse({ model: 'm', prompt: 'p', maxImages: 16 }).success).toBe(false);
    expect(generationRequestSchema.safeParse({ model: 'm', prompt: 'p', seed: -2 }).success).toBe(false);
    expect(generationRequestSchema.safeParse({ model: 'm', prompt: 'p', guidanceScale: 11 }).success).toBe(
      false,
    );
    expect(generationRequestSchema.safeParse({ model: 'm', prompt: 'p', size: '8K' }).success).toBe(false);
  });
});

describe('validateGenerationRequest', () => {
  it('accepts a plain request for every catalogued model at its first preset', () => {
    for (const entry of modelCatalogue) {
      const issues = validateGenerationRequest(request({ model: entry.id, size: entry.sizePresets[0] }), {
        referenceCount: 0,
      });
      expect(issues).toEqual([]);
    }
  });

  it('names the field, code and params of each problem', () => {
    const [found] = validateGenerationRequest(request({ model: pro, size: '4K' }), { referenceCount: 0 });
    expect(found).toEqual({
      field: 'size',
      code: 'size-preset-unsupported',
      severity: 'error',
      message: expect.stringContaining('1K, 2K') as string,
      params: { preset: '4K', presets: '1K, 2K' },
    });
  });

  it('refuses unknown models and empty prompts', () => {
    expect(codes({ model: 'dall-e-3', prompt: '  ' })).toEqual([
      ['model', 'unknown-model'],
      ['prompt', 'prompt-empty'],
    ]);
  });

  it('checks exact sizes against the model pixel limits and aspect ratio', () => {
    expect(codes({ model: lite, size: { width: 1024, height: 1024 } })).toEqual([['size', 'size-too-small']]);
    expect(codes({ model: pro, size: { width: 4096, height: 4096 } })).toEqual([['size', 'size-too-large']]);
    expect(codes({ model: 'doubao-seedream-4-0-250828', size: { width: 8000, height: 400 } })).toEqual([
      ['size', 'size-aspect'],
    ]);
    expect(codes({ model: 'doubao-seedream-4-0-250828', size: { width: 2848, height: 1600 } })).toEqual([]);
  });

  it('blocks PNG on JPEG-only models and sequences on the pro model', () => {
    expect(codes({ model: defaultModelId, outputFormat: 'png' })).toEqual([
      ['outputFormat', 'format-unsupported'],
    ]);
    expect(codes({ model: lite, outputFormat: 'png' })).toEqual([]);
    expect(codes({ model: pro, size: '2K', sequential: 'auto', maxImages: 3 })).toEqual([
      ['sequential', 'sequence-unsupported'],
    ]);
  });

  it('only warns about streaming, seed and guidance the model cannot use', () => {
    const issues = validateGenerationRequest(
      request({ model: pro, size: '2K', stream: true, seed: 7, guidanceScale: 3 }),
      {
        referenceCount: 0,
      },
    );
    expect(issues.map((found) => [found.code, found.severity])).toEqual([
      ['stream-unsupported', 'warning'],
      ['guidance-ignored', 'warning'],
      ['seed-ignored', 'warning'],
    ]);
    expect(blockingIssues(issues)).toEqual([]);
  });

  it('limits references per model and references plus images to 15', () => {
    expect(codes({ model: pro, size: '2K' }, 11)).toEqual([['references', 'too-many-references']]);
    expect(codes({ sequential: 'auto', maxImages: 5 }, 10)).toEqual([]);
    expect(codes({ sequential: 'auto', maxImages: 6 }, 10)).toEqual([['maxImages', 'too-many-images']]);
    expect(codes({ sequential: 'disabled', maxImages: 15 }, 14)).toEqual([]);
  });

  it('warns, without blocking, about prompts over the recommended length', () => {
    const english = validateGenerationRequest(request({ prompt: 'a'.repeat(1001) }), { referenceCount: 0 });
    expect(english.map((found) => [found.code, found.severity])).toEqual([['prompt-long', 'warning']]);
    expect(codes({ prompt: 'a'.repeat(1000) })).toEqual([]);
    expect(codes({ prompt: '狐'.repeat(301) })).toEqual([['prompt', 'prompt-long']]);
    expect(codes({ prompt: '狐'.repeat(300) })).toEqual([]);
    expect(codes({ prompt: `${'狐'.repeat(200)}${'a'.repeat(400)}` })).toEqual([['prompt', 'prompt-long']]);
  });

  it('blocks a prompt over the hard limit, in the schema at the IPC boundary and in the live check', () => {
    const tooLong = 'a'.repeat(maxPromptLength + 1);
    const parsed = generationRequestSchema.safeParse({ model: defaultModelId, prompt: tooLong });
    expect(parsed.error?.issues[0]?.message).toBe(
      `A prompt may be at most ${maxPromptLength} characters long; shorten it and try again.`,
    );
    const found = validateGenerationRequest({ ...request(), prompt: tooLong }, { referenceCount: 0 });
    expect(found.map((issue) => [issue.code, issue.severity])).toEqual([['prompt-too-long', 'error']]);
    expect(codes({ prompt: 'a'.repeat(maxPromptLength) })).toEqual([['prompt', 'prompt-long']]);
  });

  it('uses a catalogue passed in, so a new model joins as data', () => {
    const newcomer: ModelInfo = { ...model(pro), id: 'seedream-6', label: 'Seedream 6', sizePresets: ['4K'] };
    const issues = validateGenerationRequest(request({ model: 'seedream-6', size: '4K' }), {
      referenceCount: 0,
      catalogue: [newcomer],
    });
    expect(issues).toEqual([]);
  });
});

describe('measurePrompt', () => {
  it('counts Chinese, Japanese and Korean characters apart from the rest', () => {
    expect(measurePrompt('猫 cat ねこ 고양이')).toMatchObject({ cjkChars: 6, otherChars: 6 });
  });
});

describe('resolveAspectSize', () => {
  it('gives the documented 2K sizes', () => {
    const v40 = model('doubao-seedream-4-0-250828');
    expect(resolveAspectSize(v40, '1:1', '2K')).toEqual({ width: 2048, height: 2048 });
    expect(resolveAspectSize(v40, '4:3', '2K')).toEqual({ width: 2304, height: 1728 });
    expect(resolveAspectSize(v40, '16:9', '2K')).toEqual({ width: 2560, height: 1440 });
    expect(resolveAspectSize(v40, '3:2', '2K')).toEqual({ width: 2496, height: 1664 });
    expect(resolveAspectSize(v40, '21:9', '2K')).toEqual({ width: 3024, height: 1296 });
    expect(resolveAspectSize(v40, '9:16', '2K')).toEqual({ width: 1440, height: 2560 });
  });

  it('keeps every preset and ratio inside each model limits', () => {
    for (const entry of modelCatalogue) {
      for (const preset of entry.sizePresets) {
        for (const ratio of ['1:1', '4:3', '3:4', '16:9', '9:16', '3:2', '2:3', '21:9', '9:21'] as const) {
          const size = resolveAspectSize(entry, ratio, preset);
          expect(size, `${entry.id} ${preset} ${ratio}`).toBeDefined();
          if (!size) continue;
          const pixels = size.width * size.height;
          expect(pixels).toBeGreaterThanOrEqual(entry.minPixels);
          expect(pixels).toBeLessThanOrEqual(entry.maxPixels);
          const [w, h] = ratio.split(':').map(Number);
          expect(size.width * (h ?? 0)).toBe(size.height * (w ?? 0));
          expect(
            validateGenerationRequest(request({ model: entry.id, size }), { referenceCount: 0 }).map(
              (f) => f.code,
            ),
          ).toEqual([]);
        }
      }
    }
  });

  it('raises small presets to the model minimum', () => {
    expect(resolveAspectSize(model(lite), '1:1', '1K')).toEqual({ width: 1920, height: 1920 });
  });
});

describe('parseExactSize', () => {
  it('reads WxH and nothing else', () => {
    expect(parseExactSize('2304x1728')).toEqual({ width: 2304, height: 1728 });
    expect(parseExactSize('2K')).toBeUndefined();
    expect(parseExactSize('0x10')).toBeUndefined();
  });
});
