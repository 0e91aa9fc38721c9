import { describe, expect, it } from 'vitest';
import {
  centreOf,
  fitScale,
  middle,
  scrollFor,
  sharedFitScale,
  stepZoom,
} from '../../../../src-renderer/features/viewer/zoom';

describe('zoom', () => {
  it('fits the whole image into any box, letterboxed rather than cropped', () => {
    // The details view used to draw a 384 px square 1010 px wide in a 799 px tall box, cropping it.
    expect(fitScale({ width: 384, height: 384 }, { width: 1010, height: 799 })).toBeCloseTo(799 / 384);
    expect(fitScale({ width: 4096, height: 2048 }, { width: 1000, height: 800 })).toBeCloseTo(1000 / 4096);
    expect(fitScale({ width: 100, height: 100 }, { width: 0, height: 0 })).toBe(1);
  });

  it('steps in and out through fixed scales, and out of them back to fit', () => {
    expect(stepZoom('fit', 1, 0.3)).toBe(0.5);
    expect(stepZoom(0.5, 1, 0.3)).toBe(0.75);
    expect(stepZoom(0.5, -1, 0.3)).toBe('fit');
    expect(stepZoom(2, -1, 0.3)).toBe(1.5);
    // A tiny image fits at more than the last step: zooming in still zooms, doubling, up to 64x.
    expect(stepZoom('fit', 1, 12)).toBe(24);
    expect(stepZoom(64, 1, 12)).toBe(64);
  });

  it('scrolls so the chosen point of the image sits in the middle, and reads it back', () => {
    const content = { width: 4000, height: 3000 };
    const viewport = { width: 1000, height: 800 };
    expect(scrollFor(content, viewport, middle)).toEqual({ left: 1500, top: 1100 });
    expect(scrollFor(content, viewport, { x: 0, y: 1 })).toEqual({ left: 0, top: 2200 });
    expect(centreOf(content, viewport, { left: 1500, top: 1100 })).toEqual(middle);
    // Content smaller than the viewport is centred by layout: no scroll, and its middle stays the centre.
    expect(scrollFor({ width: 500, height: 400 }, viewport, { x: 0.9, y: 0.1 })).toEqual({ left: 0, top: 0 });
    expect(centreOf({ width: 500, height: 400 }, viewport, { left: 0, top: 0 })).toEqual(middle);
  });

  it('compares at one scale: the one that fits the largest image', () => {
    const pane = { width: 500, height: 500 };
    expect(
      sharedFitScale(
        [
          { width: 1000, height: 1000 },
          { width: 2000, height: 2000 },
        ],
        pane,
      ),
    ).toBe(0.25);
  });
});
