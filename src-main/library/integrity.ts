import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, renameSync, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { IntegrityReport } from '../../src-preload/contract/library-types';
import type { ImageFormat } from '../media/image-info';
import { fileExists } from './file-store';
import { folderStamp, imageFilePath, storedFileName, thumbnailPath, thumbnailSizes } from './paths';
import type { FileState } from './records';
import type { ThumbnailQueue } from './thumbnail-queue';
import type { WriteContext } from './write-context';

export interface IntegrityOptions {
  /** Also re-hash every file, remake missing thumbnails and check the catalog's own structure. */
  full: boolean;
  /**
   * Files younger than this are never called orphans: another process (the command line next to the app) may
   * have just moved one in and be about to commit its row.
   */
  orphanGraceMs?: number;
  /** Makes missing thumbnails in a full check; one that cannot be made marks its image. */
  thumbnails: Pick<ThumbnailQueue, 'ensure'>;
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

/** Rows and files handled between two turns of the event loop: a few milliseconds of work each. */
const sliceSize = 20_000;

const nextTurn = () =>
  new Promise<void>((resolve) => {
    setImmediate(resolve);
  });

/** Runs `each` over the items a slice at a time, letting the process answer other work in between. */
async function inSlices<T>(items: readonly T[], each: (item: T) => void): Promise<void> {
  for (let start = 0; start < items.length; start += sliceSize) {
    if (start > 0) await nextTurn();
    const end = Math.min(items.length, start + sliceSize);
    for (let index = start; index < end; index += 1) {
      const item = items[index];
      if (item !== undefined) each(item);
    }
  }
}

/** Every image's file facts, read a slice of ids at a time. */
async function readImageRows(ctx: WriteContext): Promise<ImageFileRow[]> {
  const slice = ctx.writer.prepare<[number, number], ImageFileRow>(
    'SELECT id, sha256, format, file_state AS fileState FROM images WHERE id > ? ORDER BY id LIMIT ?',
  );
  const rows: ImageFileRow[] = [];
  for (let after = 0; ;) {
    const batch = slice.all(after, sliceSize);
    for (const row of batch) rows.push(row);
    const last = batch.at(-1);
    if (!last || batch.length < sliceSize) return rows;
    after = last.id;
    await nextTurn();
  }
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

  // The catalog is read first and the store listed after it. A file is moved into the store inside the write
  // transaction that records its image, so every row read had its file in place before the listing began: a save
  // that commits while the check runs can never look missing. A file the listing shows without a row read may
  // belong to such a save; it is only called an orphan after the catalog is asked again under the write lock
  // (see `moveOrphans`), as every "missing" is (see `settleFindings`). That is also why the rows may be read in
  // slices, letting the process do other work between them: a million rows read at once held the app's main
  // process for seconds at every start.
  const purging = new Set(
    db
      .prepare<[], { sha256: string; format: ImageFormat }>('SELECT sha256, format FROM file_purges')
      .all()
      .map((row) => storedFileName(row.sha256, row.format)),
  );
  const images = await readImageRows(ctx);
  const stored = await listStore(paths.files);
  report.files = stored.length;
  report.images = images.length;
  const present = new Set<string>();
  await inSlices(stored, (entry) => {
    present.add(entry.name);
  });
  const known = new Set<string>();
  const findings: Finding[] = [];
  await inSlices(images, (image) => {
    const name = storedFileName(image.sha256, image.format);
    known.add(name);
    if (!present.has(name)) findings.push({ image, state: 'missing' });
    else if (image.fileState === 'missing') findings.push({ image, state: 'ok' });
  });

  const graceMs = options.orphanGraceMs ?? defaultOrphanGraceMs;
  const candidates: StoredEntry[] = [];
  for (const entry of stored) {
    if (known.has(entry.name) || purging.has(entry.name)) continue;
    const info = await stat(path.join(entry.dir, entry.name)).catch(() => undefined);
    if (info && checkedAt - info.mtimeMs >= graceMs) candidates.push(entry);
  }
  const recoveredDir = path.join(paths.recovered, folderStamp(checkedAt));
  for (const name of moveOrphans(ctx, candidates, recoveredDir)) {
    report.orphanFiles += 1;
    report.details.push(`${name} was in the store without a catalog entry; moved to ${recoveredDir}.`);
  }

  if (options.full) {
    const verified = new Map<string, FileCheck>();
    for (const image of images) {
      const name = storedFileName(image.sha256, image.format);
      if (!present.has(name)) continue;
      let check = verified.get(name);
      if (check === undefined) {
        const file = imageFilePath(paths, image.sha256, image.format);
        check = await hashFile(file).then(
          (hash): FileCheck => (hash === image.sha256 ? 'matches' : 'differs'),
          // Gone since the listing (emptied from the trash, say): decided with the missing files below.
          (error: unknown): FileCheck => (isMissingFile(error) ? 'gone' : 'differs'),
        );
        verified.set(name, check);
        if (check === 'matches')
          report.missingThumbnails += await remakeThumbnails(ctx, options.thumbnails, image.sha256);
      }
      if (check === 'gone') findings.push({ image, state: 'missing' });
      else if (check === 'differs') findings.push({ image, state: 'corrupt' });
      else if (image.fileState === 'corrupt') findings.push({ image, state: 'ok' });
    }
    report.catalog = (db.pragma('quick_check', { simple: true }) as string | undefined) ?? 'ok';
    if (report.catalog !== 'ok') report.details.push(`The catalog reports a problem: ${report.catalog}`);
  }

  for (const { image, state } of settleFindings(ctx, findings)) {
    const name = storedFileName(image.sha256, image.format);
    if (state === 'missing') {
      report.missingFiles += 1;
      report.details.push(`Image ${image.id}: its file ${name} is missing.`);
    } else if (state === 'corrupt') {
      report.wrongHashes += 1;
      report.details.push(`Image ${image.id}: its file ${name} no longer matches its hash.`);
    } else {
      report.repaired += 1;
      report.details.push(
        image.fileState === 'missing'
          ? `Image ${image.id}: its file is back.`
          : `Image ${image.id}: its file matches its hash again.`,
      );
    }
  }
  return report;
}

type FileCheck = 'matches' | 'differs' | 'gone';

interface Finding {
  image: ImageFileRow;
  state: FileState;
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

/**
 * Decides every finding under the write lock, where no save, deletion or purge can run: an image is marked
 * missing only if its row is still there and its file is still not, and a mark is only written for a row
 * that still exists. Returns the findings that held, with the image's state before them.
 */
function settleFindings(ctx: WriteContext, findings: readonly Finding[]): Finding[] {
  if (findings.length === 0) return [];
  const { writer: db, paths } = ctx;
  const current = db.prepare<[number], { sha256: string; format: ImageFormat }>(
    'SELECT sha256, format FROM images WHERE id = ?',
  );
  const setState = db.prepare('UPDATE images SET file_state = ? WHERE id = ?');
  return db
    .transaction(() =>
      findings.filter(({ image, state }) => {
        const row = current.get(image.id);
        if (!row || row.sha256 !== image.sha256 || row.format !== image.format) return false;
        if (state === 'missing') {
          const file = imageFilePath(paths, image.sha256, image.format);
          if (statSync(file, { throwIfNoEntry: false }) !== undefined) return false;
          if (image.fileState === 'missing') return true;
        }
        setState.run(state, image.id);
        return true;
      }),
    )
    .immediate();
}

/**
 * Moves files no image refers to into `recoveredDir`, each under the write lock after asking the catalog
 * again: a save that committed since the snapshot, with this very file, keeps it. Returns the names moved.
 */
function moveOrphans(ctx: WriteContext, entries: readonly StoredEntry[], recoveredDir: string): string[] {
  if (entries.length === 0) return [];
  const { writer: db } = ctx;
  const referenced = db.prepare<[string, string], { one: number }>(
    `SELECT 1 AS one FROM images WHERE sha256 = ? UNION ALL SELECT 1 FROM file_purges WHERE sha256 = ? LIMIT 1`,
  );
  const moved: string[] = [];
  for (const entry of entries) {
    const sha256 = entry.name.split('.')[0] ?? '';
    db.transaction(() => {
      if (referenced.get(sha256, sha256)) return;
      mkdirSync(recoveredDir, { recursive: true });
      renameSync(path.join(entry.dir, entry.name), path.join(recoveredDir, entry.name));
      moved.push(entry.name);
    }).immediate();
  }
  return moved;
}

/** How many of an image's thumbnails were missing and are now made (zero when they could not be). */
async function remakeThumbnails(
  ctx: WriteContext,
  thumbnails: Pick<ThumbnailQueue, 'ensure'>,
  sha256: string,
): Promise<number> {
  const present = await Promise.all(
    thumbnailSizes.map((size) => fileExists(thumbnailPath(ctx.paths, sha256, size))),
  );
  const missing = present.filter((found) => !found).length;
  if (missing === 0) return 0;
  return (await thumbnails.ensure(sha256)) ? missing : 0;
}
