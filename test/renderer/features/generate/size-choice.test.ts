import { describe, expect, it } from 'vitest';
import {
  aspectOptions,
  choiceForSize,
  nearestPreset,
  parseSizeChoiceValue,
  resolveSizeChoice,
  sizeChoiceValue,
} from '../../../../src-renderer/features/generate/size-choice';
import { model } from '../../../support/models';

const lite = model('doubao-seedream-5-0-260128');
const pro = model('seedream-5-0-pro-260628');
const v45 = model('doubao-seedream-4-5-251128');

describe('size choices', () => {
  it('moves a preset the model lacks to its nearest one', () => {
    expect(nearestPreset(lite, '4K')).toBe('3K');
    expect(nearestPreset(pro, '4K')).toBe('2K');
    expect(nearestPreset(v45, '1K')).toBe('2K');
    expect(resolveSizeChoice(pro, { kind: 'preset', preset: '3K' })).toBe('2K');
  });

  it('lists every aspect option inside the model pixel limits', () => {
    const options = aspectOptions(pro);
    expect(options.length).toBeGreaterThan(0);
    for (const option of options) {
      const pixels = option.size.width * option.size.height;
      expect(pixels).toBeGreaterThanOrEqual(pro.minPixels);
      expect(pixels).toBeLessThanOrEqual(pro.maxPixels);
    }
    expect(options.find((option) => option.preset === '2K' && option.ratio === '4:3')?.size).toEqual({
      width: 2304,
      height: 1728,
    });
  });

  it('encodes and decodes the picker values', () => {
    const aspect = { kind: 'aspect', ratio: '21:9', preset: '2K' } as const;
    expect(sizeChoiceValue(v45, aspect)).toBe('aspect:2K:21:9');
    expect(parseSizeChoiceValue('aspect:2K:21:9', '2K')).toEqual(aspect);
    expect(parseSizeChoiceValue('preset:4K', '2K')).toEqual({ kind: 'preset', preset: '4K' });
    expect(sizeChoiceValue(pro, { kind: 'preset', preset: '4K' })).toBe('preset:2K');
    expect(parseSizeChoiceValue('aspect:8K:1:1', '2K')).toBeNull();
    expect(parseSizeChoiceValue('aspect:2K:5:4', '2K')).toBeNull();
  });

  it('starts a custom size from what the previous choice sent', () => {
    expect(parseSizeChoiceValue('custom', { width: 2560, height: 1440 })).toEqual({
      kind: 'custom',
      width: 2560,
      height: 1440,
    });
    expect(parseSizeChoiceValue('custom', '4K')).toEqual({ kind: 'custom', width: 2048, height: 2048 });
  });

  it('recognises sizes an aspect option produces', () => {
    expect(choiceForSize(v45, { width: 2560, height: 1440 })).toEqual({
      kind: 'aspect',
      ratio: '16:9',
      preset: '2K',
    });
    expect(choiceForSize(v45, { width: 2000, height: 2000 })).toEqual({
      kind: 'custom',
      width: 2000,
      height: 2000,
    });
    expect(choiceForSize(undefined, '2K')).toEqual({ kind: 'preset', preset: '2K' });
  });
});
