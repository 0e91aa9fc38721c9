import { describe, expect, it } from 'vitest';
import { arrange } from '../../../../src-renderer/features/library/arrangement';
import {
  buildGridModel,
  clampThumbSize,
  gridGeometry,
  moveFocus,
  stepThumbSize,
  type GridGeometry,
} from '../../../../src-renderer/features/library/grid-model';
import { image } from '../../support/images';

const geometry: GridGeometry = { columns: 3, cellRowHeight: 106, headerHeight: 36 };

function images(count: number) {
  return Array.from({ length: count }, (_, index) => image(count - index));
}

describe('gridGeometry', () => {
  it('fits as many columns as the wanted size allows and stretches them to the width', () => {
    // Six 160 px cells and five 6 px gaps fit in 1000 px; each cell then grows to floor((1000 - 30) / 6) = 161.
    expect(gridGeometry(1000, 160)).toEqual({ columns: 6, cellRowHeight: 161 + 6, headerHeight: 36 });
    expect(gridGeometry(100, 160).columns).toBe(1);
  });

  it('keeps thumbnail sizes inside the slider range', () => {
    expect(clampThumbSize(171.4)).toBe(171);
    expect(clampThumbSize(10)).toBe(80);
    expect(clampThumbSize(10_000)).toBe(360);
  });

  it('steps the size by one column, so every step visibly changes the grid', () => {
    const bigger = stepThumbSize(1000, 160, 1);
    const smaller = stepThumbSize(1000, 160, -1);
    expect(gridGeometry(1000, bigger).columns).toBe(5);
    expect(gridGeometry(1000, smaller).columns).toBe(7);
    expect(stepThumbSize(1000, 360, 1)).toBe(360);
    expect(stepThumbSize(1000, 80, -1)).toBe(80);
  });
});

describe('flat model', () => {
  it('has its full height at once, with skeleton slots for what is not loaded', () => {
    const model = buildGridModel(arrange(images(4), 'none', new Set()), 96, geometry);
    expect(model.rowCount).toBe(34);
    expect(model.row(1)).toEqual({ kind: 'cells', start: 3, count: 3 });
    expect(model.row(33)).toEqual({ kind: 'cells', start: 99, count: 1 });
    expect(model.rowHeight(20)).toBe(106);
    expect(model.rowOfEntry(7)).toBe(2);
  });

  it('handles a hundred thousand images without building rows', () => {
    const model = buildGridModel(arrange([], 'none', new Set()), 100_000, geometry);
    expect(model.rowCount).toBe(33_334);
    expect(model.row(33_333)).toEqual({ kind: 'cells', start: 99_999, count: 1 });
  });

  it("keys each row by its first slot, a number, so the virtualizer's pass over every row allocates nothing", () => {
    const model = buildGridModel(arrange(images(4), 'none', new Set()), 96, geometry);
    expect([0, 1, 33].map((index) => model.key(index))).toEqual([0, 3, 99]);
  });
});

describe('sectioned model', () => {
  const at = (day: number) => new Date(2025, 0, day, 12).getTime();
  const items = [
    image(6, { createdAt: at(2) }),
    image(5, { createdAt: at(2) }),
    image(4, { createdAt: at(2) }),
    image(3, { createdAt: at(2) }),
    image(2, { createdAt: at(1) }),
    image(1, { createdAt: at(1) }),
  ];
  const model = buildGridModel(arrange(items, 'day', new Set()), 4, geometry);

  it('puts a heading row before each section and skeleton rows after the loaded ones', () => {
    expect(Array.from({ length: model.rowCount }, (_, index) => model.row(index).kind)).toEqual([
      'header',
      'cells',
      'cells',
      'header',
      'cells',
      'cells',
      'cells',
    ]);
    expect(model.row(2)).toEqual({ kind: 'cells', start: 3, count: 1 });
    expect(model.row(6)).toEqual({ kind: 'cells', start: 9, count: 1 });
    expect(model.rowHeight(0)).toBe(36);
    expect(model.rowHeight(1)).toBe(106);
  });

  it('keys headings by their section and cell rows by their first slot, the same key the flat model gives', () => {
    expect(Array.from({ length: model.rowCount }, (_, index) => model.key(index))).toEqual([
      expect.stringMatching(/^h-/),
      0,
      3,
      expect.stringMatching(/^h-/),
      4,
      6,
      9,
    ]);
  });

  it('follows the skeleton rows of a million pending images from the count, as the flat model does', () => {
    const big = buildGridModel(arrange(items, 'day', new Set()), 1_000_000, geometry);
    expect(big.rowCount).toBe(5 + 333_334);
    expect(big.row(5)).toEqual({ kind: 'cells', start: 6, count: 3 });
    expect(big.row(big.rowCount - 1)).toEqual({ kind: 'cells', start: 1_000_005, count: 1 });
    expect(big.rowHeight(big.rowCount - 1)).toBe(106);
    expect(big.key(big.rowCount - 1)).toBe(1_000_005);
    expect(big.rowOfEntry(1_000_005)).toBe(big.rowCount - 1);
    expect(big.rowOfEntry(5)).toBe(4);
  });

  it('finds the row of any entry', () => {
    expect([0, 2, 3, 4, 5, 6, 9].map((entry) => model.rowOfEntry(entry))).toEqual([1, 1, 2, 4, 4, 5, 6]);
  });

  it('moves the focus up and down by column across headings, clamped to shorter rows', () => {
    expect(moveFocus(model, 6, 2, 'ArrowDown', 1)).toBe(3);
    expect(moveFocus(model, 6, 3, 'ArrowDown', 1)).toBe(4);
    expect(moveFocus(model, 6, 5, 'ArrowUp', 1)).toBe(3);
    expect(moveFocus(model, 6, 1, 'ArrowUp', 1)).toBe(1);
  });

  it('never moves the focus onto a skeleton', () => {
    expect(moveFocus(model, 6, 4, 'ArrowDown', 1)).toBe(4);
    expect(moveFocus(model, 6, 5, 'ArrowRight', 1)).toBe(5);
    expect(moveFocus(model, 6, 0, 'PageDown', 10)).toBe(4);
  });
});

describe('moveFocus', () => {
  const model = buildGridModel(arrange(images(10), 'none', new Set()), 0, geometry);

  it('steps left and right along the list, stopping at the ends', () => {
    expect(moveFocus(model, 10, 0, 'ArrowLeft', 2)).toBe(0);
    expect(moveFocus(model, 10, 2, 'ArrowRight', 2)).toBe(3);
    expect(moveFocus(model, 10, 9, 'ArrowRight', 2)).toBe(9);
  });

  it('jumps by rows and to either end', () => {
    expect(moveFocus(model, 10, 1, 'ArrowDown', 2)).toBe(4);
    expect(moveFocus(model, 10, 8, 'ArrowDown', 2)).toBe(9);
    expect(moveFocus(model, 10, 1, 'PageDown', 2)).toBe(7);
    expect(moveFocus(model, 10, 8, 'PageUp', 2)).toBe(2);
    expect(moveFocus(model, 10, 5, 'Home', 2)).toBe(0);
    expect(moveFocus(model, 10, 5, 'End', 2)).toBe(9);
  });

  it('stays put on an empty grid', () => {
    const empty = buildGridModel(arrange([], 'none', new Set()), 0, geometry);
    expect(moveFocus(empty, 0, 0, 'ArrowDown', 2)).toBe(0);
  });
});
