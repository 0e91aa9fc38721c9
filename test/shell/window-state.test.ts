import { describe, expect, it } from 'vitest';
import { defaultSize, fitToDisplays } from '../../src-main/shell/window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const monitor = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('fitToDisplays', () => {
  it('uses the default size on first start', () => {
    expect(fitToDisplays(null, [laptop])).toEqual(defaultSize);
  });

  it('restores a position that is still on a display', () => {
    const saved = { x: 1600, y: 100, width: 1400, height: 900, maximized: false };
    expect(fitToDisplays(saved, [laptop, monitor])).toEqual(saved);
  });

  it('falls back when the display the window was on is gone', () => {
    const saved = { x: 1600, y: 100, width: 1400, height: 900, maximized: true };
    expect(fitToDisplays(saved, [laptop])).toEqual({ ...defaultSize, maximized: true });
  });
});
