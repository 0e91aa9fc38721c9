import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { restoreLibrary } from '../../src-main/library/backup';
import { electronSqliteBinding } from '../../src-main/library/electron-sqlite-binding';
import { openLibrary } from '../../src-main/library/library';
import { nativeCodec } from '../support/codecs';
import { tempDir } from './fixtures';

const nodeBuild = path.join(
  path.dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')),
  'build',
  'Release',
  'better_sqlite3.node',
);
const missingBuild = path.join('/nonexistent', 'electron-native', 'better_sqlite3.node');

describe("better-sqlite3's native build", () => {
  it('is the one the opener names, for every connection of the library', async () => {
    const dir = await tempDir();
    await expect(openLibrary({ dir, codec: nativeCodec, nativeBinding: missingBuild })).rejects.toThrow(
      /nonexistent/,
    );
    const library = await openLibrary({ dir, codec: nativeCodec, nativeBinding: nodeBuild });
    try {
      expect(library.summary.stats().images).toBe(0);
      await library.backup(path.join(await tempDir(), 'backup'));
    } finally {
      library.close();
    }
  });

  it('is the one a restore is given', async () => {
    const dir = await tempDir();
    const library = await openLibrary({ dir, codec: nativeCodec });
    const backupDir = path.join(await tempDir(), 'backup');
    await library.backup(backupDir);
    library.close();
    await expect(restoreLibrary(backupDir, dir, Date.now, missingBuild)).rejects.toThrow(/nonexistent/);
    expect(await restoreLibrary(backupDir, dir, Date.now, nodeBuild)).toMatchObject({ images: 0 });
  });

  it("is Electron's own build, beside the app when unpackaged and in the resources when packaged", () => {
    expect(electronSqliteBinding({ isPackaged: false, resourcesPath: '/r', appPath: '/app' })).toBe(
      path.join('/app', '.cache', 'electron-native', 'better_sqlite3.node'),
    );
    expect(electronSqliteBinding({ isPackaged: true, resourcesPath: '/r', appPath: '/app' })).toBe(
      path.join('/r', 'native', 'better_sqlite3.node'),
    );
  });
});
