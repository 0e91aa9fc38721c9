import { describe, expect, it } from 'vitest';
import {
  aspectOptions,
  aspectPickOf,
  choiceAtPreset,
  choiceForPick,
  choiceForSize,
  presetOfChoice,
  ratiosAt,
  resolveSizeChoice,
} from '../../../../src-renderer/features/generate/size-choice';
import { model } from '../../../support/models';
import { nearestPreset } from '../../../../src-preload/contract/request-size';

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

  it('follows the same rule as a model switch: 3K is nearer 4K than 2K in pixels', () => {
    expect(resolveSizeChoice(v45, { kind: 'preset', preset: '3K' })).toBe('4K');
    expect(presetOfChoice(v45, { kind: 'aspect', ratio: '16:9', preset: '3K' })).toBe('4K');
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

  it('turns a pick in the aspect-ratio picker into a choice at the same scale', () => {
    const aspect = { kind: 'aspect', ratio: '21:9', preset: '4K' } as const;
    expect(aspectPickOf(aspect)).toBe('21:9');
    expect(aspectPickOf({ kind: 'preset', preset: '2K' })).toBe('auto');
    expect(choiceForPick('16:9', v45, aspect)).toEqual({ kind: 'aspect', ratio: '16:9', preset: '4K' });
    expect(choiceForPick('auto', v45, aspect)).toEqual({ kind: 'preset', preset: '4K' });
    expect(choiceForPick('1:1', pro, aspect)).toEqual({ kind: 'aspect', ratio: '1:1', preset: '2K' });
    expect(choiceAtPreset(aspect, '2K')).toEqual({ ...aspect, preset: '2K' });
  });

  it('starts a custom size from what the previous choice sent, and finds its nearest scale again', () => {
    expect(choiceForPick('custom', v45, { kind: 'aspect', ratio: '16:9', preset: '2K' })).toEqual({
      kind: 'custom',
      width: 2560,
      height: 1440,
    });
    expect(choiceForPick('custom', v45, { kind: 'preset', preset: '4K' })).toEqual({
      kind: 'custom',
      width: 2048,
      height: 2048,
    });
    expect(presetOfChoice(v45, { kind: 'custom', width: 4000, height: 4000 })).toBe('4K');
    expect(presetOfChoice(lite, { kind: 'custom', width: 1000, height: 1000 })).toBe('2K');
  });

  it('lists the ratios a model makes at one preset', () => {
    expect(ratiosAt(v45, '2K').map((option) => option.ratio)).toContain('21:9');
    expect(ratiosAt(v45, '1K')).toEqual([]);
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
