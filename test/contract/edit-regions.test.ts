import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emptyEditDocument,
  identityTransform,
  type BaseTransform,
  type EditDocument,
  type Region,
} from '../../src-preload/contract/edit';
import { composeEditPrompt } from '../../src-preload/contract/edit-prompt';
import {
  expandRegionTags,
  normalizeCoordinate,
  regionNumbers,
  regionPlaceholder,
  regionTag,
} from '../../src-preload/contract/edit-regions';
import { findModel, modelCatalogue, type RegionTagFormat } from '../../src-preload/contract/models';

const format: RegionTagFormat = {
  point: '<point>{x} {y}</point>',
  box: '<bbox>{x1} {y1} {x2} {y2}</bbox>',
  scale: 999,
};

function document(transform: Partial<BaseTransform> = {}, regions: Region[] = []): EditDocument {
  return {
    ...emptyEditDocument({ width: 2000, height: 1000 }),
    transform: { ...identityTransform, ...transform },
    regions,
  };
}

const box: Region = { kind: 'box', id: 1, from: { x: 500, y: 250 }, to: { x: 1500, y: 750 } };

describe('region tags', () => {
  it('rounds to the nearest step of 0-999 and clamps outside the image', () => {
    expect(normalizeCoordinate(0, 2000, 999)).toBe(0);
    expect(normalizeCoordinate(2000, 2000, 999)).toBe(999);
    expect(normalizeCoordinate(1000, 2000, 999)).toBe(500); // 499.5 rounds up
    expect(normalizeCoordinate(999, 2000, 999)).toBe(499); // 498.999...
    expect(normalizeCoordinate(-30, 2000, 999)).toBe(0);
    expect(normalizeCoordinate(2100, 2000, 999)).toBe(999);
  });

  it('writes a box as its tag in the catalogue format, whichever way it was dragged', () => {
    expect(regionTag(box, document(), format)).toBe('<bbox>250 250 749 749</bbox>');
    const dragged: Region = { ...box, from: box.to, to: box.from };
    expect(regionTag(dragged, document(), format)).toBe('<bbox>250 250 749 749</bbox>');
    const point: Region = { kind: 'point', id: 2, at: { x: 2000, y: 0 } };
    expect(regionTag(point, document(), format)).toBe('<point>999 0</point>');
  });

  it('counts from the cropped image, clamping what falls outside the crop', () => {
    const cropped = document({ crop: { x: 1000, y: 0, width: 1000, height: 1000 } });
    expect(regionNumbers(box, cropped, 999).values).toEqual([0, 250, 500, 749]);
  });

  it('follows turns and flips, keeping the box top-left first', () => {
    // A quarter turn clockwise: the 2000x1000 base becomes 1000x2000; x from the bottom, y from the left.
    expect(regionNumbers(box, document({ quarterTurns: 1 }), 999).values).toEqual([250, 250, 749, 749]);
    const corner: Region = { kind: 'box', id: 1, from: { x: 0, y: 0 }, to: { x: 200, y: 100 } };
    expect(regionNumbers(corner, document({ quarterTurns: 1 }), 999).values).toEqual([899, 0, 999, 100]);
    expect(regionNumbers(corner, document({ quarterTurns: 3 }), 999).values).toEqual([0, 899, 100, 999]);
    expect(regionNumbers(corner, document({ flipHorizontal: true }), 999).values).toEqual([899, 0, 999, 100]);
    expect(regionNumbers(corner, document({ flipVertical: true, quarterTurns: 2 }), 999).values).toEqual([
      899, 0, 999, 100,
    ]);
  });

  it('always gives numbers inside the scale, ordered, for any shape and transform', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -5000, max: 5000, noNaN: true }),
        fc.double({ min: -5000, max: 5000, noNaN: true }),
        fc.double({ min: -5000, max: 5000, noNaN: true }),
        fc.double({ min: -5000, max: 5000, noNaN: true }),
        fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
        fc.boolean(),
        (x1, y1, x2, y2, quarterTurns, flipHorizontal) => {
          const region: Region = { kind: 'box', id: 1, from: { x: x1, y: y1 }, to: { x: x2, y: y2 } };
          const [a, b, c, d] = regionNumbers(region, document({ quarterTurns, flipHorizontal }), 999).values;
          for (const value of [a, b, c, d]) {
            expect(Number.isInteger(value)).toBe(true);
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(999);
          }
          expect(a).toBeLessThanOrEqual(c ?? 0);
          expect(b).toBeLessThanOrEqual(d ?? 0);
        },
      ),
    );
  });

  it('replaces placeholders by tags and refuses a placeholder without its region', () => {
    const drawn = document({}, [box]);
    expect(expandRegionTags(`make ${regionPlaceholder(box)} blue`, drawn, format)).toEqual({
      ok: true,
      prompt: 'make <bbox>250 250 749 749</bbox> blue',
    });
    expect(expandRegionTags('make [[box 7]] blue', drawn, format)).toEqual({
      ok: false,
      message: 'The prompt names box 7, which is not drawn on the image.',
    });
    expect(expandRegionTags('make [[point 1]] blue', drawn, format).ok).toBe(false);
    expect(expandRegionTags('make [[box 1]] blue', drawn, null).ok).toBe(false);
    expect(expandRegionTags('no regions here', drawn, null)).toEqual({ ok: true, prompt: 'no regions here' });
  });

  it('asks for the marks to be removed, in the prompt language, only when marks are drawn', () => {
    const marked: EditDocument = {
      ...document(),
      marks: [
        { kind: 'rectangle', from: { x: 0, y: 0 }, to: { x: 10, y: 10 }, color: '#ff3b30', width: 'thin' },
      ],
    };
    expect(composeEditPrompt('make it red', marked, null)).toEqual({
      ok: true,
      prompt: 'make it red Remove the marks drawn on the image.',
    });
    expect(composeEditPrompt('把框里的变成红色', marked, null)).toEqual({
      ok: true,
      prompt: '把框里的变成红色去掉图中画的标记。',
    });
    expect(composeEditPrompt('make it red', { ...marked, removeMarks: false }, null)).toEqual({
      ok: true,
      prompt: 'make it red',
    });
    expect(composeEditPrompt('make it red', document(), null)).toEqual({ ok: true, prompt: 'make it red' });
  });
});

describe('the catalogue gates regions', () => {
  it('gives the tag format to the 5.0 pro and flash models (the family the provider documents) and to no other', () => {
    const withRegions = modelCatalogue.filter((model) => model.regions !== null).map((model) => model.id);
    expect(withRegions).toEqual(['seedream-5-0-pro-260628', 'seedream-5-0-flash-260915']);
    expect(findModel('seedream-5-0-pro-260628')?.regions).toEqual(format);
    expect(findModel('seedream-5-0-flash-260915')?.regions).toEqual(format);
  });
});
