import { copyFile, mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { AppFailure, appError } from '../../src-preload/contract/errors';
import type { WritableDb } from './database';
import { syncFile } from './file-store';
import { latestSchemaVersion, migrate, migrations, schemaVersion, type MigrationResult } from './migrations';
import type { Migration } from './migrations/migration';

/** Beside the catalog, inside the library folder, so a backup travels with the library it belongs to. */
export const catalogBackupsFolderName = 'catalog-backups';
const backupName = /^catalog-v(\d+)-(\d+)\.sqlite$/;

export interface MigrationBackupOptions {
  /** Backups kept (newest first); older ones are deleted after a new one is written. */
  keep?: number;
  steps?: readonly Migration[];
  now?: () => number;
}

export interface BackedUpMigration extends MigrationResult {
  /** The backup taken before migrating, or null when nothing had to migrate (or the catalog was new). */
  backup: string | null;
}

/** Deletes all but the newest `keep` backups (by the time in their names). */
export async function pruneCatalogBackups(dir: string, keep: number): Promise<void> {
  const backups = (await readdir(dir))
    .map((name) => ({ name, match: backupName.exec(name) }))
    .filter((entry) => entry.match !== null)
    .sort((a, b) => Number(b.match?.[2]) - Number(a.match?.[2]));
  for (const old of backups.slice(keep)) await rm(path.join(dir, old.name), { force: true });
}

/** Puts the backup back as the catalog, dropping the write-ahead log that belonged to the failed attempt. */
async function restoreCatalog(backup: string, catalogFile: string): Promise<void> {
  const staged = `${catalogFile}.restoring`;
  await copyFile(backup, staged);
  await syncFile(staged);
  await rm(`${catalogFile}-wal`, { force: true });
  await rm(`${catalogFile}-shm`, { force: true });
  await rename(staged, catalogFile);
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Migrates the catalog, first copying it with SQLite's online backup when there is anything to migrate, and
 * keeping the last few copies. The steps run in one transaction, but a step can still leave the file changed
 * (a statement that ends the transaction, a full disk at commit), so a failure closes the connection, puts
 * the copy back, and says so. A new (empty) catalog and an up-to-date one are not copied.
 */
export async function migrateWithBackup(
  writer: WritableDb,
  catalogFile: string,
  options: MigrationBackupOptions = {},
): Promise<BackedUpMigration> {
  const steps = options.steps ?? migrations;
  const target = steps.at(-1)?.version ?? latestSchemaVersion;
  const from = schemaVersion(writer);
  if (from === 0 || from >= target) return { ...migrate(writer, target, steps), backup: null };

  const dir = path.join(path.dirname(catalogFile), catalogBackupsFolderName);
  await mkdir(dir, { recursive: true });
  const backup = path.join(dir, `catalog-v${from}-${(options.now ?? Date.now)()}.sqlite`);
  try {
    await writer.backup(`${backup}.partial`);
    await syncFile(`${backup}.partial`);
    await rename(`${backup}.partial`, backup);
  } catch (error) {
    await rm(`${backup}.partial`, { force: true });
    throw new AppFailure(
      appError(
        'storage-failed',
        `The library must be updated for this version, but it could not be backed up first, so it was left as it was: ${reasonOf(error)}`,
      ),
    );
  }
  await pruneCatalogBackups(dir, options.keep ?? 3);
  try {
    return { ...migrate(writer, target, steps), backup };
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    writer.close();
    await restoreCatalog(backup, catalogFile);
    throw new AppFailure(
      appError(
        'storage-failed',
        `The library could not be updated for this version (${reasonOf(error)}). It was restored from the copy made just before, so nothing was lost; this version cannot open it. The copy is kept at ${backup}.`,
      ),
    );
  }
}
