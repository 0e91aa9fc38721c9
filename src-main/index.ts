import { join } from 'node:path';
import { app, dialog, protocol } from 'electron';
import { bootstrap } from './bootstrap';
import { runProcessCli } from './cli/process-cli';
import { createDesktopTranslator, desktopLanguage } from './i18n/desktop-i18n';
import { checkKeytarLoads } from './keychain/keytar-store';
import { launchModeOf } from './app/launch-mode';
import { createFileLogger } from './logging/logger';
import { loadImageCodecFor } from './media/image-codec';
import { electronSqliteBinding } from './library/electron-sqlite-binding';
import { cliEnvironment, developmentOverrides } from './settings/development-overrides';
import { appUserModelId } from './shell/app-identity';
import { filesFromArgv, watchOpenedFiles, type SecondStartData } from './shell/opened-files';
import { registerPrivilegedSchemes } from './shell/protocols';
import { waitForAppRoot } from './smoke/first-paint';
import { runSmokeTest } from './smoke/smoke-test';

/**
 * Lifecycle only; everything else is built in bootstrap.ts. Development and test runs can move the user-data
 * folder before anything reads it; a packaged build never does. One binary, three modes: the app, the command
 * line without a window (`cli ...`), and the packaged smoke test (`--smoke-test`).
 */
const userDataOverride = developmentOverrides(app.isPackaged, process.env).userDataDir;
if (userDataOverride) app.setPath('userData', userDataOverride);
// Windows shows notifications only for the AppUserModelID the installer's Start-menu shortcut carries.
if (process.platform === 'win32') app.setAppUserModelId(appUserModelId);

const mode = launchModeOf(process.argv, app.isPackaged);
const log = createFileLogger({
  dir: join(app.getPath('userData'), 'logs'),
  fileName: mode.kind === 'cli' ? 'cli.log' : 'main.log',
  console: !app.isPackaged,
});
// Every library this process opens loads better-sqlite3's Electron build, in every mode.
const nativeBinding = electronSqliteBinding({
  isPackaged: app.isPackaged,
  resourcesPath: process.resourcesPath,
  appPath: app.getAppPath(),
});
const codec = () => loadImageCodecFor({ platform: process.platform, electron: process.versions.electron });

function startupFailed(error: unknown): void {
  log.error('Seedream Studio could not start', error);
  const translate = createDesktopTranslator(() => desktopLanguage('system', app.getLocale()));
  const reason = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox(
    translate('startup.failedTitle'),
    translate('startup.failed', { reason, logFile: log.file }),
  );
  app.exit(1);
}

async function smokeTest(): Promise<number> {
  const imageCodec = codec();
  const result = await runSmokeTest({
    codec: imageCodec,
    nativeBinding,
    loadKeychain: checkKeytarLoads,
    firstPaint: async () => {
      const started = await bootstrap({ log, codec: imageCodec, nativeBinding, checkForUpdates: false });
      const window = started.mainWindow();
      if (!window) throw new Error('no window was opened');
      await waitForAppRoot(window.webContents, 30_000);
    },
    log,
  });
  log.info(result.line);
  (result.ok ? process.stdout : process.stderr).write(`${result.line}\n`);
  return result.ok ? 0 : 1;
}

if (mode.kind === 'cli') {
  app.dock?.hide();
  void runProcessCli(mode.args, {
    log,
    env: cliEnvironment(app.isPackaged, process.env),
    nativeBinding,
  }).then((code) => {
    app.exit(code);
  });
} else if (mode.kind === 'smoke-test') {
  // A throwaway user-data folder: the smoke test never touches the user's library, settings or window state.
  if (!userDataOverride) app.setPath('userData', join(app.getPath('temp'), `seedream-smoke-${process.pid}`));
  registerPrivilegedSchemes(protocol);
  app
    .whenReady()
    .then(smokeTest)
    .then((code) => {
      app.exit(code);
    })
    .catch((error: unknown) => {
      process.stderr.write(`smoke test failed: ${error instanceof Error ? error.message : String(error)}\n`);
      app.exit(1);
    });
} else {
  registerPrivilegedSchemes(protocol);
  // Image files on the command line ("Open with" on Windows and Linux); a second start hands them to the first.
  const files = filesFromArgv(process.argv, process.cwd());
  if (!app.requestSingleInstanceLock({ files } satisfies SecondStartData)) {
    app.quit();
  } else {
    app.on('window-all-closed', () => {
      if (process.platform !== 'darwin') app.quit();
    });
    const started = app
      .whenReady()
      .then(() => bootstrap({ log, codec: codec(), nativeBinding, checkForUpdates: true }));
    // Listening before the app is ready: macOS sends `open-file` for the files it was started with early.
    const opened = watchOpenedFiles(app, {
      initial: files,
      // Starting the app again brings this window forward (the second start quits at once).
      focus: () => {
        void started.then((ready) => {
          ready.focus();
        });
      },
    });
    started
      .then((ready) => {
        opened.deliverTo(ready.openFiles);
      })
      .catch(startupFailed);
  }
}
