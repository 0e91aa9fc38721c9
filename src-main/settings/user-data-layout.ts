import path from 'node:path';

/**
 * Names inside the app's user-data folder. The app and the command line both use them, so the CLI reads and
 * writes the very library and settings the app does.
 */
export const libraryFolderName = 'library';
export const settingsFileName = 'settings.json';
/** The gateways' model lists as last read, for offline use (see models/model-list.ts). */
export const modelListFileName = 'model-lists.json';

/** The library folder inside a user-data folder. */
export function libraryDirIn(userDataDir: string): string {
  return path.join(userDataDir, libraryFolderName);
}
