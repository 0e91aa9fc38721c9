import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';

export interface WindowOptionsInput {
  preloadPath: string;
  bounds: Partial<Rectangle>;
  darkBackground: boolean;
  /** Only unpackaged runs may open DevTools; a packaged window has none to open, by shortcut or by code. */
  devTools: boolean;
}

/**
 * The renderer is treated as untrusted content: no Node, an isolated world for the preload, Chromium's sandbox,
 * and web security on. Every one of these is asserted by a test because removing any of them silently widens
 * what a compromised page could do.
 */
export function createWindowOptions({
  preloadPath,
  bounds,
  darkBackground,
  devTools,
}: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Seedream Studio',
    // Matches the first paint of the renderer's theme so the window never flashes white in dark mode.
    backgroundColor: darkBackground ? '#17181a' : '#f6f6f4',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
      navigateOnDragDrop: false,
      devTools,
    },
  };
}
