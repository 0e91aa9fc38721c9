import { closeSync, fsyncSync, openSync } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AppFailure, appError } from '../../src-preload/contract/errors';
import type { ImageFormat } from '../media/image-info';
import { openDatabase, openWriter } from './database';
import { fileExists, syncDirectory } from './file-store';
import { latestSchemaVersion } from './migrations';
import {
  catalogFileName,
  folderStamp,
  imageFilePath,
  libraryPaths,
  thumbnailPath,
  thumbnailSizes,
  type LibraryPaths,
} from './paths';
import type { WriteContext } from './write-context';

export const manifestFileName = 'backup.json';

const manifestSchema = z.object({
  app: z.literal('Seedream Studio'),
  schemaVersion: z.number().int().positive(),
  createdAt: z.number().int(),
  images: z.number().int().nonnegative(),
  files: z.number().int().nonnegative(),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

export interface BackupResult {
  dir: string;
  images: number;
  files: number;
  /** Files copied by this run; the rest were already in the folder from an earlier backup. */
  copied: number;
  bytes: number;
}

export interface RestoreResult {
  images: number;
  /** Files copied from the backup into the library. */
  copied: number;
  /** Where the catalog that was replaced now lives, if there was one. */
  previousCatalog: string | null;
}

function syncFileSync(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

async function sameSize(file: string, bytes: number): Promise<boolean> {
  const info = await stat(file).catch(() => undefined);
  return info?.size === bytes;
}

/** Copies through a temporary name and syncs, so a file under its final name is always whole. */
async function copyWhole(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  const partial = `${to}.partial`;
  await copyFile(from, partial);
  syncFileSync(partial);
  await rename(partial, to);
}

function insideOf(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

interface FileRow {
  sha256: string;
  format: ImageFormat;
  bytes: number;
}

function storedFiles(catalogFile: string, nativeBinding?: string): { images: number; files: FileRow[] } {
  const db = openDatabase(catalogFile, { readonly: true, fileMustExist: true }, nativeBinding);
  try {
    const images = (db.prepare('SELECT count(*) AS n FROM images').get() as { n: number }).n;
    const files = db
      .prepare<[], FileRow>('SELECT sha256, format, max(bytes) AS bytes FROM images GROUP BY sha256, format')
      .all();
    return { images, files };
  } finally {
    db.close();
  }
}

/**
 * Backs the library up into `dir`, which then has a library's own layout (and can be opened as one): a
 * consistent copy of the catalog made by `VACUUM INTO` while the app keeps working, every file it refers to and
 * their thumbnails. Running it again into the same folder copies only what is new. The manifest is written
 * last, so a folder without one is an unfinished backup.
 */
export async function backupLibrary(ctx: WriteContext, dir: string): Promise<BackupResult> {
  const target = libraryPaths(dir);
  if (insideOf(ctx.paths.root, target.root) || insideOf(target.root, ctx.paths.root)) {
    throw new AppFailure(
      appError('invalid-input', 'Choose a backup folder outside the library folder.', { field: 'folder' }),
    );
  }
  await mkdir(target.root, { recursive: true });
  await rm(path.join(target.root, manifestFileName), { force: true });
  const snapshot = path.join(target.root, `${catalogFileName}.partial`);
  await rm(snapshot, { force: true });
  ctx.writer.prepare('VACUUM INTO ?').run(snapshot);
  syncFileSync(snapshot);

  const { images, files } = storedFiles(snapshot);
  let copied = 0;
  let bytes = 0;
  for (const file of files) {
    const from = imageFilePath(ctx.paths, file.sha256, file.format);
    const to = imageFilePath(target, file.sha256, file.format);
    if (!(await sameSize(to, file.bytes))) {
      try {
        await copyWhole(from, to);
      } catch {
        // A file the integrity check already knows is missing: the backup records the same loss.
        continue;
      }
      copied += 1;
      bytes += file.bytes;
    }
    for (const size of thumbnailSizes) {
      const thumbnail = thumbnailPath(target, file.sha256, size);
      if (await fileExists(thumbnail)) continue;
      await copyWhole(thumbnailPath(ctx.paths, file.sha256, size), thumbnail).catch(() => undefined);
    }
  }
  await rename(snapshot, target.catalog);
  syncDirectory(target.root);
  const manifest: BackupManifest = {
    app: 'Seedream Studio',
    schemaVersion: latestSchemaVersion,
    createdAt: ctx.now(),
    images,
    files: files.length,
  };
  await writeFile(path.join(target.root, manifestFileName), `${JSON.stringify(manifest, null, 2)}\n`);
  return { dir: target.root, images, files: files.length, copied, bytes };
}

async function readBackupManifest(dir: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await readFile(path.join(dir, manifestFileName), 'utf8');
  } catch {
    throw new AppFailure(
      appError('invalid-input', 'That folder is not a finished Seedream Studio backup.', { field: 'folder' }),
    );
  }
  const parsed = manifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new AppFailure(appError('invalid-input', 'The backup description in that folder is damaged.'));
  }
  if (parsed.data.schemaVersion > latestSchemaVersion) {
    throw new AppFailure(
      appError(
        'library-too-new',
        'This backup was made by a newer version of Seedream Studio. Update the app first.',
      ),
    );
  }
  return parsed.data;
}

/**
 * Replaces the library's catalog with the backup's and brings back every file the backup has that the
 * library lacks. Nothing is deleted: the replaced catalog is kept next to the new one, and files only the old
 * catalog knew become orphans that the next check moves to `recovered/`. The library must be closed.
 */
export async function restoreLibrary(
  backupDir: string,
  libraryDir: string,
  now: () => number = Date.now,
  /** better-sqlite3's build for this runtime, when it is not the one in node_modules (see database.ts). */
  nativeBinding?: string,
): Promise<RestoreResult> {
  await readBackupManifest(backupDir);
  const source = libraryPaths(backupDir);
  const target: LibraryPaths = libraryPaths(libraryDir);
  const check = openDatabase(source.catalog, { readonly: true, fileMustExist: true }, nativeBinding);
  let quick: unknown;
  try {
    quick = check.pragma('quick_check', { simple: true });
  } finally {
    check.close();
  }
  if (quick !== 'ok') {
    throw new AppFailure(
      appError('invalid-input', 'The catalog in that backup is damaged and cannot be restored.'),
    );
  }
  const { images, files } = storedFiles(source.catalog, nativeBinding);
  await mkdir(target.root, { recursive: true });
  let copied = 0;
  for (const file of files) {
    const to = imageFilePath(target, file.sha256, file.format);
    if (await sameSize(to, file.bytes)) continue;
    await copyWhole(imageFilePath(source, file.sha256, file.format), to).then(
      () => {
        copied += 1;
      },
      () => undefined,
    );
    for (const size of thumbnailSizes) {
      await copyWhole(
        thumbnailPath(source, file.sha256, size),
        thumbnailPath(target, file.sha256, size),
      ).catch(() => undefined);
    }
  }

  let previousCatalog: string | null = null;
  if (await fileExists(target.catalog)) {
    // Folds the write-ahead log into the file first, so the kept copy is complete on its own.
    const old = openWriter(target.catalog, nativeBinding);
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    previousCatalog = path.join(target.root, `catalog-before-restore-${folderStamp(now())}.sqlite`);
    await rename(target.catalog, previousCatalog);
    await rm(`${target.catalog}-wal`, { force: true });
    await rm(`${target.catalog}-shm`, { force: true });
  }
  await copyWhole(source.catalog, target.catalog);
  syncDirectory(target.root);
  return { images, copied, previousCatalog };
}
