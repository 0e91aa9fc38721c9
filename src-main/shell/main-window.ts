import { BrowserWindow, nativeTheme, screen, shell } from 'electron';
import { originOf } from './app-origin';
import { attachNavigationGuards } from './navigation-guard';
import { APP_ORIGIN } from './schemes';
import { createWindowOptions } from './window-options';
import { fitToDisplays, loadWindowState, saveWindowState } from './window-state';

export interface MainWindowOptions {
  preloadPath: string;
  windowStateFile: string;
  /** `app://studio/index.html`, or Vite's dev server during `npm run dev`. */
  startUrl: string;
}

export function createMainWindow({
  preloadPath,
  windowStateFile,
  startUrl,
}: MainWindowOptions): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const { maximized, ...bounds } = fitToDisplays(loadWindowState(windowStateFile), workAreas);
  const window = new BrowserWindow(
    createWindowOptions({ preloadPath, bounds, darkBackground: nativeTheme.shouldUseDarkColors }),
  );
  attachNavigationGuards(window.webContents, {
    appOrigin: originOf(startUrl) ?? APP_ORIGIN,
    openExternal: (url) => void shell.openExternal(url),
  });
  // The renderer needs no camera, microphone, location or notifications permission from the web platform.
  window.webContents.session.setPermissionRequestHandler((_contents, permission, grant) => {
    grant(permission === 'clipboard-sanitized-write');
  });

  window.once('ready-to-show', () => {
    if (maximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    saveWindowState(windowStateFile, { ...window.getNormalBounds(), maximized: window.isMaximized() });
  });
  void window.loadURL(startUrl);
  return window;
}
