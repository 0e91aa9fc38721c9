import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { electronLaunchPlan, startVirtualDisplay } from './electron-launch';

describe('starting real Electron', () => {
  it("turns Chromium's sandbox off only when running as root", () => {
    expect(electronLaunchPlan({ platform: 'linux', uid: 0, env: { DISPLAY: ':0' } }, '/app').args).toEqual([
      '--no-sandbox',
      '/app',
    ]);
    expect(electronLaunchPlan({ platform: 'linux', uid: 1000, env: { DISPLAY: ':0' } }, '/app').args).toEqual(
      ['/app'],
    );
    expect(electronLaunchPlan({ platform: 'win32', uid: undefined, env: {} }, 'C:\\app').args).toEqual([
      'C:\\app',
    ]);
  });

  it('needs a virtual display only on a Linux machine without one', () => {
    const plan = (platform: NodeJS.Platform, env: Record<string, string>) =>
      electronLaunchPlan({ platform, uid: 1000, env }, '/app').needsDisplay;
    expect(plan('linux', {})).toBe(true);
    expect(plan('linux', { DISPLAY: ':1' })).toBe(false);
    expect(plan('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(false);
    expect(plan('darwin', {})).toBe(false);
    expect(plan('win32', {})).toBe(false);
  });

  it('starts and stops Xvfb on a free display where one is needed', async () => {
    const host = { platform: process.platform, uid: undefined, env: {} };
    if (process.platform !== 'linux') {
      expect(electronLaunchPlan(host, '/app').needsDisplay).toBe(false);
      return;
    }
    const display = await startVirtualDisplay();
    try {
      expect(display.display).toMatch(/^:\d+$/);
      expect(existsSync(`/tmp/.X11-unix/X${display.display.slice(1)}`)).toBe(true);
    } finally {
      await display.stop();
    }
  });
});
