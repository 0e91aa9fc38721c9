import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BaseTransform } from '../../src-preload/contract/edit';
import { identityTransform } from '../../src-preload/contract/edit';
import { effectiveCrop, fromOutput, outputSize, toOutput } from '../../src-preload/contract/edit-geometry';

const base = { width: 400, height: 200 };

function transform(partial: Partial<BaseTransform>): BaseTransform {
  return { ...identityTransform, ...partial };
}

describe('edit geometry', () => {
  it('keeps points where they are without a transform', () => {
    expect(toOutput({ x: 10, y: 20 }, base, identityTransform)).toEqual({ x: 10, y: 20 });
    expect(outputSize(base, identityTransform)).toEqual(base);
  });

  it('moves points by the crop and sizes the output as the crop', () => {
    const cropped = transform({ crop: { x: 100, y: 50, width: 200, height: 100 } });
    expect(toOutput({ x: 100, y: 50 }, base, cropped)).toEqual({ x: 0, y: 0 });
    expect(toOutput({ x: 300, y: 150 }, base, cropped)).toEqual({ x: 200, y: 100 });
    expect(outputSize(base, cropped)).toEqual({ width: 200, height: 100 });
  });

  it('turns clockwise: the top-left corner goes to the top right and the sides swap', () => {
    const turned = transform({ quarterTurns: 1 });
    expect(outputSize(base, turned)).toEqual({ width: 200, height: 400 });
    expect(toOutput({ x: 0, y: 0 }, base, turned)).toEqual({ x: 200, y: 0 });
    expect(toOutput({ x: 400, y: 0 }, base, turned)).toEqual({ x: 200, y: 400 });
    expect(toOutput({ x: 0, y: 200 }, base, transform({ quarterTurns: 3 }))).toEqual({ x: 200, y: 400 });
    expect(toOutput({ x: 0, y: 0 }, base, transform({ quarterTurns: 2 }))).toEqual({ x: 400, y: 200 });
  });

  it('flips after turning', () => {
    expect(toOutput({ x: 10, y: 20 }, base, transform({ flipHorizontal: true }))).toEqual({ x: 390, y: 20 });
    expect(toOutput({ x: 10, y: 20 }, base, transform({ flipVertical: true }))).toEqual({ x: 10, y: 180 });
    // Turned a quarter, the base's top-left corner is the top right; flipped horizontally, the top left again.
    expect(toOutput({ x: 0, y: 0 }, base, transform({ quarterTurns: 1, flipHorizontal: true }))).toEqual({
      x: 0,
      y: 0,
    });
  });

  it('keeps a crop inside the base and never empty', () => {
    expect(effectiveCrop(base, { x: 390, y: 0, width: 100, height: 500 })).toEqual({
      x: 390,
      y: 0,
      width: 10,
      height: 200,
    });
    expect(effectiveCrop(base, { x: 999, y: 999, width: 5, height: 5 })).toEqual({
      x: 399,
      y: 199,
      width: 1,
      height: 1,
    });
  });

  it('undoes every transform exactly with fromOutput', () => {
    const transforms = fc.record({
      crop: fc.option(
        fc.record({
          x: fc.integer({ min: 0, max: 399 }),
          y: fc.integer({ min: 0, max: 199 }),
          width: fc.integer({ min: 1, max: 400 }),
          height: fc.integer({ min: 1, max: 200 }),
        }),
      ),
      quarterTurns: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
      flipHorizontal: fc.boolean(),
      flipVertical: fc.boolean(),
    });
    fc.assert(
      fc.property(
        transforms,
        fc.double({ min: -50, max: 450, noNaN: true }),
        fc.double({ min: -50, max: 250, noNaN: true }),
        (chosen, x, y) => {
          const back = fromOutput(toOutput({ x, y }, base, chosen), base, chosen);
          expect(back.x).toBeCloseTo(x, 6);
          expect(back.y).toBeCloseTo(y, 6);
        },
      ),
    );
  });
});
