import { collectionColumns, tagColumns } from './catalog-rows';
import type { ReadableDb } from './database';
import type { CollectionRecord, LibraryStats, TagRecord } from './records';

export interface SummaryQueries {
  stats(): LibraryStats;
  tags(): TagRecord[];
  collections(): CollectionRecord[];
}

export function createSummaryQueries(db: ReadableDb): SummaryQueries {
  // Kept by triggers (migration 0070): the library's size is one row, however many images it holds.
  const totals = db.prepare<
    [],
    {
      live: number;
      liveBytes: number;
      trashed: number;
      trashedBytes: number;
      generations: number;
      failed: number;
      generatedImages: number;
      outputTokens: number;
      totalTokens: number;
    }
  >(
    `SELECT live_images AS live, live_bytes AS liveBytes, trashed_images AS trashed,
       trashed_bytes AS trashedBytes, api_generations AS generations, failed_generations AS failed,
       generated_images AS generatedImages, output_tokens AS outputTokens, total_tokens AS totalTokens
     FROM catalog_totals WHERE id = 1`,
  );
  const damaged = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM images WHERE file_state <> 'ok'");
  const pending = db.prepare<[], { n: number }>(
    "SELECT count(*) AS n FROM result_slots WHERE state = 'pending'",
  );
  const allTags = db.prepare<[], TagRecord>(`SELECT ${tagColumns} FROM tags t ORDER BY t.name`);
  const allCollections = db.prepare<[], CollectionRecord>(
    `SELECT ${collectionColumns} FROM collections c ORDER BY c.name`,
  );
  const one = (row: { n: number } | undefined): number => row?.n ?? 0;

  return {
    stats() {
      // One read transaction, so the figures agree with each other while a writer commits images.
      return db.transaction(() => {
        const row = totals.get();
        return {
          images: row?.live ?? 0,
          bytes: row?.liveBytes ?? 0,
          trashedImages: row?.trashed ?? 0,
          trashedBytes: row?.trashedBytes ?? 0,
          generations: row?.generations ?? 0,
          failedGenerations: row?.failed ?? 0,
          usage: {
            generatedImages: row?.generatedImages ?? 0,
            outputTokens: row?.outputTokens ?? 0,
            totalTokens: row?.totalTokens ?? 0,
          },
          damagedImages: one(damaged.get()),
          pendingDownloads: one(pending.get()),
        };
      })();
    },
    tags: () => allTags.all(),
    collections: () => allCollections.all(),
  };
}
