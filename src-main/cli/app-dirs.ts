import path from 'node:path';
import { libraryFolderName, modelListFileName, settingsFileName } from '../settings/user-data-layout';

const productName = 'Seedream Studio';

export interface PlatformInfo {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  homedir: string;
}

/**
 * The folder Electron names `userData` for this app, worked out the way Electron does it, so the command line
 * reads and writes the very library and settings the app uses.
 */
export function appUserDataDir({ platform, env, homedir }: PlatformInfo): string {
  if (platform === 'win32')
    return path.win32.join(env.APPDATA ?? path.win32.join(homedir, 'AppData', 'Roaming'), productName);
  if (platform === 'darwin') return path.posix.join(homedir, 'Library', 'Application Support', productName);
  const config =
    env.XDG_CONFIG_HOME !== undefined && env.XDG_CONFIG_HOME !== ''
      ? env.XDG_CONFIG_HOME
      : path.posix.join(homedir, '.config');
  return path.posix.join(config, productName);
}

function pathsOf(info: PlatformInfo): path.PlatformPath {
  return info.platform === 'win32' ? path.win32 : path.posix;
}

export function defaultLibraryDir(info: PlatformInfo): string {
  return pathsOf(info).join(appUserDataDir(info), libraryFolderName);
}

export function settingsFile(info: PlatformInfo): string {
  return pathsOf(info).join(appUserDataDir(info), settingsFileName);
}

/** The gateways' model lists as the app last read them (the command line reads, never refreshes, them). */
export function modelListFile(info: PlatformInfo): string {
  return pathsOf(info).join(appUserDataDir(info), modelListFileName);
}
