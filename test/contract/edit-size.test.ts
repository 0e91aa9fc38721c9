import { describe, expect, it } from 'vitest';
import { editRequestSize } from '../../src-preload/contract/edit-size';
import { generationRequestSchema, validateGenerationRequest } from '../../src-preload/contract/generation';
import { modelCatalogue } from '../../src-preload/contract/models';

describe('the size an edit asks for', () => {
  it('keeps the base’s aspect ratio within every model’s limits', () => {
    for (const model of modelCatalogue) {
      for (const output of [
        { width: 1000, height: 1000 },
        { width: 4000, height: 3000 },
        { width: 720, height: 1280 },
        { width: 96, height: 64 },
      ]) {
        const size = editRequestSize(model, output);
        expect(typeof size, `${model.id} ${output.width}x${output.height}`).toBe('object');
        if (typeof size === 'string') continue;
        expect(size.width % 16).toBe(0);
        expect(size.height % 16).toBe(0);
        expect(Math.abs(size.width / size.height - output.width / output.height)).toBeLessThan(0.02);
        const request = generationRequestSchema.parse({ model: model.id, prompt: 'x', size });
        expect(validateGenerationRequest(request, { referenceCount: 1 })).toEqual([]);
      }
    }
  });

  it('falls back to a preset for a shape the model cannot make', () => {
    const [model] = modelCatalogue;
    if (!model) throw new Error('empty catalogue');
    expect(editRequestSize(model, { width: 2000, height: 100 })).toBe(model.sizePresets[0]);
  });
});
