import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { access, mkdir, open, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { SavedImage } from '../media/image-file-writer';
import { imageFilePath, type LibraryPaths } from './paths';

/** A verified image file waiting in the library's tmp folder, as the engine or an import leaves it. */
export type StagedFile = SavedImage;

export async function fileExists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/** Makes the bytes of a file durable before anything refers to it. */
export async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Makes a rename inside `dir` durable. Windows cannot open a folder for syncing, and NTFS journals renames
 * itself, so there it is skipped.
 */
export function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function isBusyReplace(error: unknown): boolean {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  return code === 'EPERM' || code === 'EACCES' || code === 'EBUSY';
}

/**
 * Moves a staged file to its content-addressed place. Synchronous on purpose: it runs inside the write
 * transaction that records the image, so no other writer can purge the same content in between. If the content
 * is already stored, the rename replaces it with identical bytes.
 */
export function placeStagedFile(
  paths: LibraryPaths,
  file: StagedFile,
  rename: (from: string, to: string) => void = renameSync,
): string {
  const target = imageFilePath(paths, file.sha256, file.format);
  const dir = path.dirname(target);
  mkdirSync(dir, { recursive: true });
  try {
    rename(file.tmpPath, target);
  } catch (error) {
    // Windows refuses to replace a file that is open (the app may be showing it). The name is the content's
    // hash, so a stored file of the same size already holds these bytes: keep it and drop the copy.
    if (!isBusyReplace(error) || statSync(target, { throwIfNoEntry: false })?.size !== file.bytes)
      throw error;
    unlinkSync(file.tmpPath);
  }
  syncDirectory(dir);
  return target;
}

/**
 * Each process stages files in its own folder named after its pid, so a process starting up can clear what a
 * dead one left without touching the downloads of one still running (the app and the command line may share a
 * library).
 */
export async function processTmpDir(paths: LibraryPaths, pid: number = process.pid): Promise<string> {
  const dir = path.join(paths.tmp, `p${pid}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/** Removes the staging folders of processes that are gone; returns how many it removed. */
export async function removeStaleTmpDirs(
  paths: LibraryPaths,
  isAlive: (pid: number) => boolean = isProcessAlive,
): Promise<number> {
  let entries: string[];
  try {
    entries = await readdir(paths.tmp);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const entry of entries) {
    const match = /^p(\d+)$/.exec(entry);
    const pid = match ? Number(match[1]) : undefined;
    if (pid === process.pid || (pid !== undefined && isAlive(pid))) continue;
    await rm(path.join(paths.tmp, entry), { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}

export function tmpName(dir: string, prefix: string): string {
  return path.join(dir, `${prefix}-${randomBytes(8).toString('hex')}`);
}
