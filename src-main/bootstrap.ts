import { release } from 'node:os';
import { dirname, join } from 'node:path';
import {
  BrowserWindow,
  Menu,
  Notification,
  app,
  clipboard,
  ipcMain,
  protocol,
  session,
  shell,
} from 'electron';
import { createAppCore, type AppCore } from './app/app-core';
import { openAppLibrary } from './app/app-library';
import { createDispatch } from './ipc/dispatch';
import { createEmitter, registerIpc } from './ipc/electron-ipc';
import { createSenderCheck } from './ipc/trusted-sender';
import { createKeytarStore, keychainServiceName } from './keychain/keytar-store';
import type { FileLogger } from './logging/logger';
import type { ImageCodec } from './media/image-codec';
import { trustedCertificates } from './network/trust-store';
import { developmentOverrides } from './settings/development-overrides';
import { libraryDirIn } from './settings/user-data-layout';
import { originOf } from './shell/app-origin';
import { createElectronDesktop } from './shell/electron-desktop';
import { createMainWindow } from './shell/main-window';
import { createMenuTemplate, type HelpActions } from './shell/menu';
import { handleAppProtocols } from './shell/protocols';
import { APP_ORIGIN, mediaUrl } from './shell/schemes';
import { electronSystemProxy } from './shell/system-proxy';
import { createElectronUpdates, updateFeedFile } from './updates/electron-updates';

/** Packaged builds always load the bundled renderer; only a development run may point at Vite's server. */
function startUrl(): string {
  return developmentOverrides(app.isPackaged, process.env).devServerUrl ?? `${APP_ORIGIN}/index.html`;
}

/** The started app, as the lifecycle in index.ts needs it. */
export interface StartedApp {
  /** The main window while one is open (the smoke test waits for its first paint). */
  mainWindow(): BrowserWindow | null;
  /** Brings the main window to the front (another start of the app does this). */
  focus: () => void;
  /** Opens image files the OS handed over in the Edit view, opening a window first if none is open. */
  openFiles: (files: string[]) => void;
}

export interface BootstrapOptions {
  log: FileLogger;
  codec: ImageCodec;
  /** better-sqlite3's Electron build, for the library (see library/electron-sqlite-binding.ts). */
  nativeBinding: string;
  /** Checks the release feed in the background after start (never in the smoke test). */
  checkForUpdates: boolean;
}

/** The Electron composition root: the library, services, IPC, protocols, menu and the window, in that order. */
export async function bootstrap({
  log,
  codec,
  nativeBinding,
  checkForUpdates,
}: BootstrapOptions): Promise<StartedApp> {
  let mainWindow: BrowserWindow | null = null;
  const openWindow = (): void => {
    const window = createMainWindow({
      startUrl: startUrl(),
      preloadPath: join(__dirname, '..', 'preload', 'index.cjs'),
      windowStateFile: join(app.getPath('userData'), 'window-state.json'),
      devTools: !app.isPackaged,
    });
    window.on('closed', () => {
      mainWindow = null;
    });
    mainWindow = window;
  };
  const userDataDir = app.getPath('userData');
  log.info(
    `Seedream Studio ${app.getVersion()} starting (Electron ${process.versions.electron}, ${codec.build} codec)`,
  );
  const overrides = developmentOverrides(app.isPackaged, process.env);
  const emitToWindow = createEmitter(() => mainWindow?.webContents ?? null);
  const library = await openAppLibrary({ userDataDir, codec, nativeBinding });
  const started = createAppCore({
    userDataDir,
    env: process.env,
    apiBaseUrlOverride: overrides.apiBaseUrl,
    quotaUrlOverride: overrides.quotaUrl,
    secretStore: createKeytarStore(undefined, overrides.keychainService ?? keychainServiceName),
    mediaUrl,
    desktop: createElectronDesktop(() => mainWindow),
    library,
    codec,
    log,
    systemLocale: app.getLocale(),
    network: {
      systemProxy: electronSystemProxy(session.defaultSession),
      certificates: () => trustedCertificates(),
    },
    emit: (event, payload) => {
      emitToWindow(event, payload);
      // Menus are built with the chosen language; a change in Settings rebuilds them.
      if (event === 'settings:changed') setMenu();
    },
  });
  // Until the quit below begins closing it.
  let core: AppCore | null = started;
  registerIpc(
    ipcMain,
    createDispatch(started.handlers, {
      isTrustedSender: createSenderCheck(originOf(startUrl()) ?? APP_ORIGIN),
      logError: (channel, error) => {
        log.error(`${channel} failed`, error);
      },
    }),
  );
  handleAppProtocols(
    protocol,
    { rendererDir: join(__dirname, '..', 'renderer'), libraryDir: libraryDirIn(userDataDir) },
    (relativePath) => library.thumbnails.makeMissing(relativePath),
  );

  const updates = await createElectronUpdates({
    feedFile: updateFeedFile({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath }),
    currentVersion: app.getVersion(),
    translate: started.translate,
    log,
    getWindow: () => mainWindow,
  });
  const help: HelpActions = {
    openLogsFolder: () => void shell.openPath(dirname(log.file)),
    copyDiagnostics: () => void copyDiagnostics(),
    ...(updates ? { checkForUpdates: () => void updates.check(true) } : {}),
  };
  async function copyDiagnostics(): Promise<void> {
    const text = await started.diagnostics({
      appVersion: app.getVersion(),
      versions: process.versions,
      os: { platform: process.platform, release: release(), arch: process.arch, locale: app.getLocale() },
      packaged: app.isPackaged,
      logsDir: dirname(log.file),
    });
    await clipboard.writeText(text);
    if (!Notification.isSupported()) return;
    new Notification({
      title: started.translate('diagnostics.copiedTitle'),
      body: started.translate('diagnostics.copied'),
    }).show();
  }
  function setMenu(): void {
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        createMenuTemplate(process.platform, app.name, started.translate, help, { packaged: app.isPackaged }),
      ),
    );
  }
  setMenu();
  openWindow();
  if (updates && checkForUpdates) setTimeout(() => void updates.check(false), 10_000);

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

  const focus = () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  };
  return {
    mainWindow: () => mainWindow,
    focus,
    openFiles: (files) => {
      // On macOS a drop on the dock icon can come with every window closed.
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
      focus();
      core?.openFiles(files).catch((error: unknown) => {
        log.error('opening files from the OS failed', error);
      });
    },
  };
}
