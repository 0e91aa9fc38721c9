import { collectionColumns, tagColumns } from './catalog-rows';
import type { ReadableDb } from './database';
import type { CollectionRecord, LibraryStats, TagRecord } from './records';

export interface SummaryQueries {
  stats(): LibraryStats;
  tags(): TagRecord[];
  collections(): CollectionRecord[];
}

export function createSummaryQueries(db: ReadableDb): SummaryQueries {
  const imageTotals = db.prepare<
    [],
    { live: number; liveBytes: number; trashed: number; trashedBytes: number }
  >(
    `SELECT count(*) FILTER (WHERE trashed_at IS NULL) AS live,
       coalesce(sum(bytes) FILTER (WHERE trashed_at IS NULL), 0) AS liveBytes,
       count(*) FILTER (WHERE trashed_at IS NOT NULL) AS trashed,
       coalesce(sum(bytes) FILTER (WHERE trashed_at IS NOT NULL), 0) AS trashedBytes
     FROM images`,
  );
  const generationTotals = db.prepare<
    [],
    {
      generations: number;
      failed: number;
      generatedImages: number;
      outputTokens: number;
      totalTokens: number;
    }
  >(
    `SELECT count(*) AS generations, count(*) FILTER (WHERE status = 'failed') AS failed,
       coalesce(sum(usage_generated_images), 0) AS generatedImages,
       coalesce(sum(usage_output_tokens), 0) AS outputTokens,
       coalesce(sum(usage_total_tokens), 0) AS totalTokens
     FROM generations WHERE kind = 'api'`,
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
        const images = imageTotals.get();
        const generations = generationTotals.get();
        return {
          images: images?.live ?? 0,
          bytes: images?.liveBytes ?? 0,
          trashedImages: images?.trashed ?? 0,
          trashedBytes: images?.trashedBytes ?? 0,
          generations: generations?.generations ?? 0,
          failedGenerations: generations?.failed ?? 0,
          usage: {
            generatedImages: generations?.generatedImages ?? 0,
            outputTokens: generations?.outputTokens ?? 0,
            totalTokens: generations?.totalTokens ?? 0,
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
