import { join } from 'node:path';
import { BrowserWindow, Menu, app, ipcMain, protocol } from 'electron';
import { createAppCore, libraryDirOf, type AppCore } from './app-core';
import { createDispatch } from './ipc/dispatch';
import { createEmitter, registerIpc } from './ipc/electron-ipc';
import { createSenderCheck } from './ipc/trusted-sender';
import { useNativeBinding } from './library/database';
import { loadImageCodecFor } from './media/image-codec';
import { electronSqliteBinding } from './packaging/electron-native';
import { originOf } from './shell/app-origin';
import { createElectronDesktop } from './shell/electron-desktop';
import { createMainWindow } from './shell/main-window';
import { createMenuTemplate } from './shell/menu';
import { handleAppProtocols } from './shell/protocols';
import { APP_ORIGIN, mediaUrl } from './shell/schemes';

let mainWindow: BrowserWindow | null = null;
let core: AppCore | null = null;

export function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

/** Packaged builds always load the bundled renderer; only a development run may point at Vite's server. */
function startUrl(): string {
  const devServer = process.env.SEEDREAM_DEV_SERVER_URL;
  return devServer && !app.isPackaged ? devServer : `${APP_ORIGIN}/index.html`;
}

function openWindow(): void {
  mainWindow = createMainWindow({
    startUrl: startUrl(),
    preloadPath: join(__dirname, '..', 'preload', 'index.cjs'),
    windowStateFile: join(app.getPath('userData'), 'window-state.json'),
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

/** The composition root: services, IPC, protocols, menu and the window, in that order. */
export async function bootstrap(): Promise<void> {
  const userDataDir = app.getPath('userData');
  const logError = (context: string, error: unknown) => {
    console.error(`[${context}]`, error);
  };
  useNativeBinding(
    electronSqliteBinding({
      isPackaged: app.isPackaged,
      resourcesPath: process.resourcesPath,
      appPath: app.getAppPath(),
    }),
  );
  core = await createAppCore({
    userDataDir,
    env: process.env,
    mediaUrl,
    desktop: createElectronDesktop(() => mainWindow),
    codec: loadImageCodecFor({ platform: process.platform, electron: process.versions.electron }),
    emit: createEmitter(() => mainWindow?.webContents ?? null),
    logError,
  });
  registerIpc(
    ipcMain,
    createDispatch(core.handlers, {
      isTrustedSender: createSenderCheck(originOf(startUrl()) ?? APP_ORIGIN),
      logError,
    }),
  );
  handleAppProtocols(protocol, {
    rendererDir: join(__dirname, '..', 'renderer'),
    libraryDir: libraryDirOf(userDataDir),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(createMenuTemplate(process.platform, app.name)));
  openWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  // Quitting waits for running jobs to stop and the catalog to close, so no download is cut off mid-write.
  app.on('before-quit', (event) => {
    const closing = core;
    if (!closing) return;
    event.preventDefault();
    core = null;
    void closing.close().finally(() => {
      app.quit();
    });
  });
}
