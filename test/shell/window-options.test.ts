import { describe, expect, it } from 'vitest';
import { createWindowOptions } from '../../src-main/shell/window-options';

describe('main window options', () => {
  const options = createWindowOptions({
    preloadPath: '/app/preload.cjs',
    bounds: {},
    darkBackground: false,
    devTools: false,
  });
  const web = options.webPreferences ?? {};

  it('isolates the renderer from Node and the preload', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and webviews off', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
  });

  it('has no DevTools in a packaged build, and keeps them for development', () => {
    expect(web.devTools).toBe(false);
    const development = createWindowOptions({
      preloadPath: 'p',
      bounds: {},
      darkBackground: false,
      devTools: true,
    });
    expect(development.webPreferences?.devTools).toBe(true);
  });

  it('loads only the bundled preload', () => {
    expect(web.preload).toBe('/app/preload.cjs');
  });

  it('paints the theme background before the page so dark mode never flashes white', () => {
    const dark = createWindowOptions({ preloadPath: 'p', bounds: {}, darkBackground: true, devTools: false });
    expect(dark.backgroundColor).not.toBe(options.backgroundColor);
    expect(options.show).toBe(false);
  });
});
