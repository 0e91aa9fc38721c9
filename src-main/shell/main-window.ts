import { BrowserWindow, nativeTheme, screen, shell } from 'electron';
import { originOf } from './app-origin';
import { attachNavigationGuards } from './navigation-guard';
import { attachPermissionHandlers } from './permissions';
import { APP_ORIGIN } from './schemes';
import { createWindowOptions } from './window-options';
import { fitToDisplays, loadWindowState, saveWindowState } from './window-state';

export interface MainWindowOptions {
  preloadPath: string;
  windowStateFile: string;
  /** `app://studio/index.html`, or Vite's dev server during `npm run dev`. */
  startUrl: string;
  /** False in packaged builds: no DevTools window, shortcut or API. */
  devTools: boolean;
}

export function createMainWindow({
  preloadPath,
  windowStateFile,
  startUrl,
  devTools,
}: MainWindowOptions): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const { maximized, ...bounds } = fitToDisplays(loadWindowState(windowStateFile), workAreas);
  const window = new BrowserWindow(
    createWindowOptions({ preloadPath, bounds, darkBackground: nativeTheme.shouldUseDarkColors, devTools }),
  );
  const appOrigin = originOf(startUrl) ?? APP_ORIGIN;
  attachNavigationGuards(window.webContents, {
    appOrigin,
    openExternal: (url) => void shell.openExternal(url),
  });
  attachPermissionHandlers(window.webContents.session, appOrigin);

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
