import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import type { IntegrityReport } from '../../src-preload/contract/library-types';
import type { ImageFormat } from '../media/image-info';
import { fileExists } from './file-store';
import { folderStamp, imageFilePath, storedFileName, thumbnailPath, thumbnailSizes } from './paths';
import type { FileState } from './records';
import { makeThumbnails } from './thumbnails';
import type { WriteContext } from './write-context';

export interface IntegrityOptions {
  /** Also re-hash every file, remake missing thumbnails and check the catalog's own structure. */
  full: boolean;
  /**
   * Files younger than this are never called orphans: another process (the command line next to the app) may
   * have just moved one in and be about to commit its row.
   */
  orphanGraceMs?: number;
}

/** What a check found and repaired; the contract's shape, so it crosses to the renderer and the CLI as is. */
export type { IntegrityReport };

const defaultOrphanGraceMs = 10 * 60_000;

interface ImageFileRow {
  id: number;
  sha256: string;
  format: ImageFormat;
  fileState: FileState;
}

interface StoredEntry {
  dir: string;
  name: string;
}

async function listStore(filesDir: string): Promise<StoredEntry[]> {
  const entries: StoredEntry[] = [];
  let shards: string[];
  try {
    shards = await readdir(filesDir);
  } catch {
    return entries;
  }
  for (const shard of shards) {
    if (!/^[0-9a-f]{2}$/.test(shard)) continue;
    const dir = path.join(filesDir, shard);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    for (const name of names) if (!name.startsWith('.')) entries.push({ dir, name });
  }
  return entries;
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Compares the catalog with the store and repairs what can be repaired without deleting anything the user
 * made: a missing file marks its images `missing` (and clears the mark if the file comes back), an orphan file
 * is moved to `recovered/<time>/` where the user can import it again, a file whose bytes changed is marked
 * `corrupt` and left where it is. Expired result links still waiting are marked lost with the reason.
 */
export async function checkIntegrity(ctx: WriteContext, options: IntegrityOptions): Promise<IntegrityReport> {
  const { writer: db, paths, now } = ctx;
  const checkedAt = now();
  const report: IntegrityReport = {
    checkedAt,
    full: options.full,
    images: 0,
    files: 0,
    missingFiles: 0,
    orphanFiles: 0,
    wrongHashes: 0,
    missingThumbnails: 0,
    lostDownloads: 0,
    repaired: 0,
    catalog: null,
    details: [],
  };

  report.lostDownloads = db
    .prepare(
      `UPDATE result_slots SET state = 'lost', error_code = 'link-expired',
         reason = 'The result link expired (links last 24 hours) before the image was downloaded.', updated_at = ?
       WHERE state = 'pending' AND expires_at <= ?`,
    )
    .run(checkedAt, checkedAt).changes;
  if (report.lostDownloads > 0) {
    report.details.push(`${report.lostDownloads} result link(s) expired before their image was saved.`);
  }

  // The store is listed before the catalog is read: a file moved in after the listing cannot look orphaned.
  const stored = await listStore(paths.files);
  report.files = stored.length;
  const images = db
    .prepare<[], ImageFileRow>('SELECT id, sha256, format, file_state AS fileState FROM images')
    .all();
  const purging = new Set(
    db
      .prepare<[], { sha256: string; format: ImageFormat }>('SELECT sha256, format FROM file_purges')
      .all()
      .map((row) => storedFileName(row.sha256, row.format)),
  );
  report.images = images.length;
  const present = new Set(stored.map((entry) => entry.name));
  const known = new Set<string>();
  const setState = db.prepare('UPDATE images SET file_state = ? WHERE id = ?');
  const marks: { id: number; state: FileState }[] = [];

  for (const image of images) {
    const name = storedFileName(image.sha256, image.format);
    known.add(name);
    if (!present.has(name)) {
      report.missingFiles += 1;
      if (image.fileState !== 'missing') marks.push({ id: image.id, state: 'missing' });
      report.details.push(`Image ${image.id}: its file ${name} is missing.`);
    } else if (image.fileState === 'missing') {
      marks.push({ id: image.id, state: 'ok' });
      report.repaired += 1;
      report.details.push(`Image ${image.id}: its file is back.`);
    }
  }

  const graceMs = options.orphanGraceMs ?? defaultOrphanGraceMs;
  const recoveredDir = path.join(paths.recovered, folderStamp(checkedAt));
  for (const entry of stored) {
    if (known.has(entry.name) || purging.has(entry.name)) continue;
    const file = path.join(entry.dir, entry.name);
    const info = await stat(file).catch(() => undefined);
    if (!info || checkedAt - info.mtimeMs < graceMs) continue;
    await mkdir(recoveredDir, { recursive: true });
    await rename(file, path.join(recoveredDir, entry.name));
    report.orphanFiles += 1;
    report.details.push(`${entry.name} was in the store without a catalog entry; moved to ${recoveredDir}.`);
  }

  if (options.full) {
    const verified = new Map<string, boolean>();
    for (const image of images) {
      const name = storedFileName(image.sha256, image.format);
      if (!present.has(name)) continue;
      let matches = verified.get(name);
      if (matches === undefined) {
        const file = imageFilePath(paths, image.sha256, image.format);
        matches = await hashFile(file).then(
          (hash) => hash === image.sha256,
          () => false,
        );
        verified.set(name, matches);
        if (matches) report.missingThumbnails += await remakeThumbnails(ctx, file, image.sha256);
      }
      if (!matches) {
        report.wrongHashes += 1;
        if (image.fileState !== 'corrupt') marks.push({ id: image.id, state: 'corrupt' });
        report.details.push(`Image ${image.id}: its file ${name} no longer matches its hash.`);
      } else if (image.fileState === 'corrupt') {
        marks.push({ id: image.id, state: 'ok' });
        report.repaired += 1;
        report.details.push(`Image ${image.id}: its file matches its hash again.`);
      }
    }
    report.catalog = (db.pragma('quick_check', { simple: true }) as string | undefined) ?? 'ok';
    if (report.catalog !== 'ok') report.details.push(`The catalog reports a problem: ${report.catalog}`);
  }

  if (marks.length > 0) {
    db.transaction(() => {
      for (const mark of marks) setState.run(mark.state, mark.id);
    }).immediate();
  }
  return report;
}

async function remakeThumbnails(ctx: WriteContext, file: string, sha256: string): Promise<number> {
  const present = await Promise.all(
    thumbnailSizes.map((size) => fileExists(thumbnailPath(ctx.paths, sha256, size))),
  );
  const missing = present.filter((found) => !found).length;
  if (missing === 0) return 0;
  try {
    await makeThumbnails(ctx.codec, ctx.paths, file, sha256, ctx.tmpDir);
    return missing;
  } catch {
    return 0;
  }
}
