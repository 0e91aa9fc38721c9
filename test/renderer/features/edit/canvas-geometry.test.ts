import { describe, expect, it } from 'vitest';
import { identityTransform, type BaseTransform } from '../../../../src-preload/contract/edit';
import { outputSize, toOutput } from '../../../../src-preload/contract/edit-geometry';
import {
  baseToOutputMatrix,
  baseToScreen,
  cropFromDrag,
  pointerToBase,
  turned,
} from '../../../../src-renderer/features/edit/canvas-geometry';

const base = { width: 400, height: 200 };

function apply(matrix: string, x: number, y: number) {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] =
    /matrix\((.*)\)/.exec(matrix)?.[1]?.split(' ').map(Number) ?? [];
  return { x: a * x + c * y + e, y: b * x + d * y + f };
}

describe('the edit canvas geometry', () => {
  it('draws base pixels where the transform puts them', () => {
    const transform: BaseTransform = {
      crop: { x: 50, y: 20, width: 300, height: 150 },
      quarterTurns: 3,
      flipHorizontal: true,
      flipVertical: false,
    };
    const matrix = baseToOutputMatrix(base, transform);
    for (const point of [
      { x: 50, y: 20 },
      { x: 123, y: 77 },
      { x: 350, y: 170 },
    ]) {
      const drawn = apply(matrix, point.x, point.y);
      const expected = toOutput(point, base, transform);
      expect(drawn.x).toBeCloseTo(expected.x, 5);
      expect(drawn.y).toBeCloseTo(expected.y, 5);
    }
  });

  it('finds the base pixel under the pointer at any zoom, and back', () => {
    const transform: BaseTransform = { ...identityTransform, quarterTurns: 1 };
    const output = outputSize(base, transform);
    // Drawn at half size, scrolled so the canvas starts at (100, 40) on screen.
    const box = { left: 100, top: 40, width: output.width / 2, height: output.height / 2 };
    const onBase = pointerToBase({ x: 100 + 50, y: 40 + 25 }, box, output, base, transform);
    expect(onBase).toEqual({ x: 50, y: 100 });
    expect(baseToScreen(onBase, box, output, base, transform)).toEqual({ x: 50, y: 25 });
  });

  it('makes a crop of whole pixels inside the base, or none when it is too small', () => {
    expect(cropFromDrag({ x: 300.4, y: 190.6 }, { x: -20, y: 10 }, base)).toEqual({
      x: 0,
      y: 10,
      width: 300,
      height: 181,
    });
    expect(cropFromDrag({ x: 10, y: 10 }, { x: 20, y: 200 }, base)).toBeNull();
  });

  it('turns the picture the way it is seen, even when it is mirrored', () => {
    expect(turned(identityTransform, 1).quarterTurns).toBe(1);
    expect(turned(identityTransform, -1).quarterTurns).toBe(3);
    const mirrored = { ...identityTransform, flipHorizontal: true };
    // Seen mirrored, a clockwise turn of the view is an anticlockwise turn of the base.
    const once = turned(mirrored, 1);
    const corner = toOutput({ x: 0, y: 0 }, base, mirrored);
    const after = toOutput({ x: 0, y: 0 }, base, once);
    // The corner that was at the top right goes to the bottom right when the view turns clockwise.
    expect(corner).toEqual({ x: 400, y: 0 });
    expect(after).toEqual({ x: 200, y: 400 });
  });
});
