import type { Migration } from './migration';

/** Adds (sign 1) or takes away (sign -1) one image row's share of the totals. */
function imageShare(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  const live = `${row}.trashed_at IS NULL`;
  return `
    live_images = live_images + ${sign} * (${live}),
    live_bytes = live_bytes + ${sign} * (CASE WHEN ${live} THEN ${row}.bytes ELSE 0 END),
    trashed_images = trashed_images + ${sign} * (NOT ${live}),
    trashed_bytes = trashed_bytes + ${sign} * (CASE WHEN ${live} THEN 0 ELSE ${row}.bytes END)`;
}

/** The same for a generation: only API generations count (imports cost nothing). */
function generationShare(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  const api = `(${row}.kind = 'api')`;
  return `
    api_generations = api_generations + ${sign} * ${api},
    failed_generations = failed_generations + ${sign} * (${api} AND ${row}.status = 'failed'),
    generated_images = generated_images + ${sign} * ${api} * coalesce(${row}.usage_generated_images, 0),
    output_tokens = output_tokens + ${sign} * ${api} * coalesce(${row}.usage_output_tokens, 0),
    total_tokens = total_tokens + ${sign} * ${api} * coalesce(${row}.usage_total_tokens, 0)`;
}

/**
 * The library's totals kept up to date by triggers, in one row: counting a million images for the sidebar's
 * "1,000,000 images" or the grid's total took a second of the main process each time; reading this row takes
 * microseconds, and every write that changes a total changes it in the same transaction.
 */
export const catalogTotals: Migration = {
  version: 70,
  name: 'catalog-totals',
  up(db) {
    db.exec(`
      CREATE TABLE catalog_totals (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        live_images INTEGER NOT NULL,
        live_bytes INTEGER NOT NULL,
        trashed_images INTEGER NOT NULL,
        trashed_bytes INTEGER NOT NULL,
        api_generations INTEGER NOT NULL,
        failed_generations INTEGER NOT NULL,
        generated_images INTEGER NOT NULL,
        output_tokens INTEGER NOT NULL,
        total_tokens INTEGER NOT NULL
      ) STRICT;

      INSERT INTO catalog_totals
      SELECT 1,
        (SELECT count(*) FROM images WHERE trashed_at IS NULL),
        (SELECT coalesce(sum(bytes), 0) FROM images WHERE trashed_at IS NULL),
        (SELECT count(*) FROM images WHERE trashed_at IS NOT NULL),
        (SELECT coalesce(sum(bytes), 0) FROM images WHERE trashed_at IS NOT NULL),
        (SELECT count(*) FROM generations WHERE kind = 'api'),
        (SELECT count(*) FROM generations WHERE kind = 'api' AND status = 'failed'),
        (SELECT coalesce(sum(usage_generated_images), 0) FROM generations WHERE kind = 'api'),
        (SELECT coalesce(sum(usage_output_tokens), 0) FROM generations WHERE kind = 'api'),
        (SELECT coalesce(sum(usage_total_tokens), 0) FROM generations WHERE kind = 'api');

      CREATE TRIGGER catalog_totals_image_added AFTER INSERT ON images BEGIN
        UPDATE catalog_totals SET ${imageShare('NEW', 1)} WHERE id = 1;
      END;
      CREATE TRIGGER catalog_totals_image_removed AFTER DELETE ON images BEGIN
        UPDATE catalog_totals SET ${imageShare('OLD', -1)} WHERE id = 1;
      END;
      CREATE TRIGGER catalog_totals_image_changed AFTER UPDATE OF trashed_at, bytes ON images BEGIN
        UPDATE catalog_totals SET ${imageShare('OLD', -1)} WHERE id = 1;
        UPDATE catalog_totals SET ${imageShare('NEW', 1)} WHERE id = 1;
      END;

      CREATE TRIGGER catalog_totals_generation_added AFTER INSERT ON generations BEGIN
        UPDATE catalog_totals SET ${generationShare('NEW', 1)} WHERE id = 1;
      END;
      CREATE TRIGGER catalog_totals_generation_removed AFTER DELETE ON generations BEGIN
        UPDATE catalog_totals SET ${generationShare('OLD', -1)} WHERE id = 1;
      END;
      CREATE TRIGGER catalog_totals_generation_changed
      AFTER UPDATE OF kind, status, usage_generated_images, usage_output_tokens, usage_total_tokens ON generations
      BEGIN
        UPDATE catalog_totals SET ${generationShare('OLD', -1)} WHERE id = 1;
        UPDATE catalog_totals SET ${generationShare('NEW', 1)} WHERE id = 1;
      END;
    `);
  },
};
