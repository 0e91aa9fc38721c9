import type { Migration } from './migration';

/**
 * Copies the two filterable facts of a generation onto its images (both are fixed once the generation is
 * recorded), so that a page filtered by model or by "made with references" walks one index newest first
 * instead of joining generations and scanning the whole library when the filter is rare.
 */
export const imageFilterColumns: Migration = {
  version: 40,
  name: 'image-filter-columns',
  up(db) {
    db.exec(`
      ALTER TABLE images ADD COLUMN model TEXT NOT NULL DEFAULT '';
      ALTER TABLE images ADD COLUMN with_references INTEGER NOT NULL DEFAULT 0 CHECK (with_references IN (0, 1));
      UPDATE images SET
        model = coalesce((SELECT g.model FROM generations g WHERE g.id = images.generation_id), ''),
        with_references = EXISTS (
          SELECT 1 FROM generation_references r WHERE r.generation_id = images.generation_id
        );
      CREATE INDEX images_model ON images (model, id);
      CREATE INDEX images_with_references ON images (with_references, id);
    `);
  },
};
