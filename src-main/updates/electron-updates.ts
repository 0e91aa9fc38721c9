import { existsSync } from 'node:fs';
import path from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import type { AppUpdater } from 'electron-updater';
import type { Translate } from '../i18n/desktop-i18n';
import type { Logger } from '../logging/logger';
import { createUpdateFlow, type UpdateFlow, type UpdatePrompts } from './update-flow';

/**
 * electron-builder writes `app-update.yml` into the resources only when a release feed is configured
 * (`publish` in electron-builder.yml, or `-c.publish.url=...` at build time). Without one, updates are off.
 */
export function updateFeedFile(options: { isPackaged: boolean; resourcesPath: string }): string | null {
  if (!options.isPackaged) return null;
  const file = path.join(options.resourcesPath, 'app-update.yml');
  return existsSync(file) ? file : null;
}

async function createPlatformUpdater(): Promise<AppUpdater> {
  const updater = await import('electron-updater');
  if (process.platform === 'win32') return new updater.NsisUpdater();
  if (process.platform === 'darwin') return new updater.MacUpdater();
  return new updater.AppImageUpdater();
}

function dialogPrompts(
  translate: Translate,
  currentVersion: string,
  getWindow: () => BrowserWindow | null,
): UpdatePrompts {
  const ask = async (title: string, message: string, yes: string) => {
    const options = {
      type: 'question' as const,
      title,
      message,
      buttons: [yes, translate('update.later')],
      defaultId: 1,
      cancelId: 1,
    };
    const window = getWindow();
    const { response } = window
      ? await dialog.showMessageBox(window, options)
      : await dialog.showMessageBox(options);
    return response === 0;
  };
  return {
    offerDownload: (version) =>
      ask(
        translate('update.availableTitle'),
        translate('update.available', { version, current: currentVersion }),
        translate('update.download'),
      ),
    offerRestart: (version) =>
      ask(
        translate('update.readyTitle'),
        translate('update.ready', { version }),
        translate('update.restart'),
      ),
    tell: (outcome) => {
      void dialog.showMessageBox({
        type: outcome.kind === 'latest' ? 'info' : 'warning',
        title: translate(outcome.kind === 'latest' ? 'update.latestTitle' : 'update.failedTitle'),
        message:
          outcome.kind === 'latest'
            ? translate('update.latest', { version: currentVersion })
            : translate('update.failed', { reason: outcome.reason }),
      });
    },
  };
}

/**
 * electron-updater (electron-builder's own) against the configured feed, with downloading and installing
 * both turned into questions. Returns null when no feed is set.
 */
export async function createElectronUpdates(options: {
  feedFile: string | null;
  currentVersion: string;
  translate: Translate;
  log: Logger;
  getWindow: () => BrowserWindow | null;
}): Promise<UpdateFlow | null> {
  if (options.feedFile === null) return null;
  const updater = await createPlatformUpdater();
  updater.updateConfigPath = options.feedFile;
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  updater.logger = options.log;
  return createUpdateFlow(
    {
      check: async () => {
        const result = await updater.checkForUpdates();
        return result?.isUpdateAvailable === true ? { version: result.updateInfo.version } : null;
      },
      download: async () => {
        await updater.downloadUpdate();
      },
      install: () => {
        updater.quitAndInstall();
      },
    },
    dialogPrompts(options.translate, options.currentVersion, options.getWindow),
    options.log,
  );
}
