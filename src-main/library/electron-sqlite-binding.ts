import { join } from 'node:path';

/**
 * Electron embeds its own V8, so better-sqlite3 needs a separate build for it. That build lives outside
 * node_modules (which keeps the Node build `npm test` loads) and is handed to better-sqlite3 through its
 * `nativeBinding` option.
 */
export const electronSqliteRelativePath = join('.cache', 'electron-native', 'better_sqlite3.node');

export function electronSqliteBinding(options: {
  isPackaged: boolean;
  resourcesPath: string;
  appPath: string;
}): string {
  return options.isPackaged
    ? join(options.resourcesPath, 'native', 'better_sqlite3.node')
    : join(options.appPath, electronSqliteRelativePath);
}
