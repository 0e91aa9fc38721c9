import { rmSync } from 'node:fs';
import type { ImageFormat } from '../media/image-info';
import { imageFilePath, thumbnailPath, thumbnailSizes } from './paths';
import type { WriteContext } from './write-context';

/**
 * Deletes the files that emptying the trash scheduled. Each file goes inside a write transaction that first
 * checks no image uses the content any more: an ingest of the same content moves its file in under the same
 * lock, so it can never lose its file to a purge. A crash midway leaves the schedule to finish at next start.
 */
export function purgeScheduledFiles(ctx: WriteContext): number {
  const { writer: db, paths } = ctx;
  const scheduled = db.prepare<[], { sha256: string; format: ImageFormat }>(
    'SELECT sha256, format FROM file_purges',
  );
  const inUse = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM images WHERE sha256 = ? LIMIT 1');
  const done = db.prepare('DELETE FROM file_purges WHERE sha256 = ? AND format = ?');
  let removed = 0;
  for (const file of scheduled.all()) {
    db.transaction(() => {
      if (!inUse.get(file.sha256)) {
        rmSync(imageFilePath(paths, file.sha256, file.format), { force: true });
        for (const size of thumbnailSizes) rmSync(thumbnailPath(paths, file.sha256, size), { force: true });
        removed += 1;
      }
      done.run(file.sha256, file.format);
    }).immediate();
  }
  return removed;
}
