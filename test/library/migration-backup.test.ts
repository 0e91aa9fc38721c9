import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../src-preload/contract/errors';
import { openCatalog } from '../../src-main/library/catalog';
import { openDatabase, openWriter } from '../../src-main/library/database';
import { catalogBackupsFolderName, pruneCatalogBackups } from '../../src-main/library/migration-backup';
import { latestSchemaVersion, migrate, migrations } from '../../src-main/library/migrations';
import type { Migration } from '../../src-main/library/migrations/migration';
import { tempDir } from './fixtures';

/** A catalog left at `version` by an earlier release, with one generation in it. */
async function catalogAt(version: number): Promise<string> {
  const file = path.join(await tempDir(), 'catalog.sqlite');
  const db = openWriter(file);
  migrate(db, version);
  db.exec(
    `INSERT INTO generations (id, kind, prompt, model, params, requested_images, status, created_at)
     VALUES (1, 'api', 'a heron at dawn', 'doubao-seedream-4-0-250828', '{}', 1, 'succeeded', 1000)`,
  );
  db.close();
  return file;
}

function inspect(file: string): { version: number; prompts: string[] } {
  const db = openDatabase(file, { readonly: true });
  try {
    return {
      version: Number(db.pragma('user_version', { simple: true })),
      prompts: db
        .prepare<[], { prompt: string }>('SELECT prompt FROM generations')
        .all()
        .map((row) => row.prompt),
    };
  } finally {
    db.close();
  }
}

const earlier = migrations.map((step) => step.version).filter((version) => version < latestSchemaVersion);

describe('catalog backup before migrations', () => {
  it.each(earlier)('backs up a catalog at version %i, then migrates it with its data', async (version) => {
    const file = await catalogAt(version);
    const catalog = await openCatalog(file);
    catalog.close();
    expect(inspect(file)).toEqual({ version: latestSchemaVersion, prompts: ['a heron at dawn'] });
    const backups = await readdir(path.join(path.dirname(file), catalogBackupsFolderName));
    expect(backups).toHaveLength(1);
    const backup = path.join(path.dirname(file), catalogBackupsFolderName, backups[0] ?? '');
    expect(inspect(backup)).toEqual({ version, prompts: ['a heron at dawn'] });
  });

  it('copies nothing for a new catalog or one already up to date', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'catalog.sqlite');
    (await openCatalog(file)).close();
    (await openCatalog(file)).close();
    expect(await readdir(dir)).not.toContain(catalogBackupsFolderName);
  });

  it('restores the backup when a migration fails, and says so', async () => {
    const file = await catalogAt(latestSchemaVersion);
    // A step that ends the transaction itself and then fails: rolling back alone would lose the generations.
    const broken: Migration = {
      version: latestSchemaVersion + 10,
      name: 'broken',
      up: (db) => {
        db.exec('DELETE FROM generations; COMMIT;');
        throw new Error('disk I/O error');
      },
    };
    const failure = await openCatalog(file, { steps: [...migrations, broken] }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(AppFailure);
    expect((failure as AppFailure).appError.message).toMatch(
      /could not be updated for this version \(disk I\/O error\)\. It was restored from the copy made just before/,
    );
    expect(inspect(file)).toEqual({ version: latestSchemaVersion, prompts: ['a heron at dawn'] });
    (await openCatalog(file)).close();
  });

  it('keeps only the newest few backups', async () => {
    const dir = await tempDir();
    for (const stamp of [100, 400, 200, 300])
      await writeFile(path.join(dir, `catalog-v10-${stamp}.sqlite`), '');
    await writeFile(path.join(dir, 'notes.txt'), '');
    await pruneCatalogBackups(dir, 2);
    expect((await readdir(dir)).sort()).toEqual([
      'catalog-v10-300.sqlite',
      'catalog-v10-400.sqlite',
      'notes.txt',
    ]);
  });
});
