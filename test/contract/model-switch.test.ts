import { describe, expect, it } from 'vitest';
import { generationRequestSchema, type GenerationRequest } from '../../src-preload/contract/generation';
import { switchModel } from '../../src-preload/contract/model-switch';
import { model } from '../support/models';
import { nearestPreset } from '../../src-preload/contract/request-size';

const lite = 'doubao-seedream-5-0-260128';
const v45 = 'doubao-seedream-4-5-251128';
const v40 = 'doubao-seedream-4-0-250828';
const pro = 'seedream-5-0-pro-260628';
const v55 = 'seedream-5-5-261028';

function request(patch: Partial<GenerationRequest>): GenerationRequest {
  return generationRequestSchema.parse({ model: v45, prompt: 'a fox', ...patch });
}

describe('switching models', () => {
  it('keeps as many references as the new model takes and says so', () => {
    const moved = switchModel(request({ size: '4K' }), 14, model(pro));
    expect(moved.keptReferences).toBe(10);
    expect(moved.request.model).toBe(pro);
    expect(moved.changes.map((change) => change.message)).toEqual([
      '10 references kept of 14',
      'size 4K became 2K',
    ]);
  });

  it('changes nothing it does not have to', () => {
    const moved = switchModel(request({ size: '2K', sequential: 'auto', maxImages: 4 }), 3, model(lite));
    expect(moved.changes).toEqual([]);
    expect(moved.request).toEqual({
      ...request({ size: '2K', sequential: 'auto', maxImages: 4 }),
      model: lite,
    });
  });

  it('moves a preset to the nearest one the model has', () => {
    expect(switchModel(request({ size: '1K' }), 0, model(lite)).request.size).toBe('2K');
    expect(switchModel(request({ size: '3K' }), 0, model(v45)).request.size).toBe('4K');
    expect(switchModel(request({ size: '4K' }), 0, model(lite)).request.size).toBe('3K');
  });

  it('has one nearest-preset rule, by pixels, the smaller of two equally near', () => {
    expect(nearestPreset(model(v45), '3K')).toBe('4K');
    expect(nearestPreset(model(v45), '2K')).toBe('2K');
    expect(nearestPreset({ ...model(v45), sizePresets: ['1K', '4K'] }, '2K')).toBe('1K');
  });

  it('scales an exact size into the pixel range, keeping its shape', () => {
    const moved = switchModel(request({ size: { width: 4096, height: 2304 } }), 0, model(pro));
    expect(moved.request.size).toEqual({ width: 2720, height: 1536 });
    expect(moved.changes[0]?.message).toBe('size 4096x2304 became 2720x1536');
    const grown = switchModel(request({ model: v40, size: { width: 1280, height: 720 } }), 0, model(v45));
    expect(grown.request.size).toEqual({ width: 2560, height: 1440 });
  });

  it('turns a sequence into one image on a model without sequences', () => {
    const moved = switchModel(request({ sequential: 'auto', maxImages: 6, stream: true }), 0, model(v55));
    expect(moved.request).toMatchObject({ sequential: 'disabled', stream: false });
    expect(moved.changes.map((change) => change.code)).toEqual(['sequence-off', 'stream-off']);
  });

  it('asks for fewer images when kept references leave less room', () => {
    const moved = switchModel(request({ sequential: 'auto', maxImages: 8 }), 10, model(lite));
    expect(moved.request.maxImages).toBe(5);
    expect(moved.changes.map((change) => change.message)).toEqual(['up to 8 images became up to 5']);
  });

  it('moves formats, prompt modes, web search and backgrounds the model lacks', () => {
    const moved = switchModel(
      request({ model: lite, outputFormat: 'png', webSearch: true, promptMode: 'fast' }),
      0,
      model(v45),
    );
    expect(moved.request).toMatchObject({ outputFormat: 'jpeg', webSearch: false, promptMode: 'standard' });
    expect(moved.changes.map((change) => change.message)).toEqual([
      'prompt optimisation fast became standard',
      'web search is off',
      'PNG became JPEG',
    ]);
    const to55 = switchModel(request({ model: v40, promptMode: 'fast' }), 0, model(v55));
    expect(to55.request.promptMode).toBeUndefined();
    expect(to55.changes.map((change) => change.code)).toContain('prompt-mode-off');
    const back = switchModel(
      request({ model: v55, background: 'transparent', outputFormat: 'png' }),
      0,
      model(lite),
    );
    expect(back.request.background).toBeUndefined();
    expect(back.changes.map((change) => change.code)).toEqual(['background-dropped']);
  });

  it('keeps a transparent background in a PNG', () => {
    const moved = switchModel(
      { ...request({ model: v55, size: '2K' }), background: 'transparent', outputFormat: 'jpeg' },
      0,
      model(v55),
    );
    expect(moved.request.outputFormat).toBe('png');
    expect(moved.changes.map((change) => change.code)).toEqual(['format-png']);
  });
});
