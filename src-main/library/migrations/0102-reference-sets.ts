import type { Migration } from './migration';

/**
 * Reference sets: named, ordered groups of library images (so lineage stays with the images themselves). An
 * image deleted for good (emptying the trash) leaves its sets. Which generations used a set is read from the
 * references each generation recorded, so it needs no table of its own.
 */
export const referenceSets: Migration = {
  version: 102,
  name: 'reference-sets',
  up(db) {
    db.exec(`
      CREATE TABLE reference_sets (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL COLLATE NOCASE UNIQUE,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE reference_set_images (
        set_id INTEGER NOT NULL REFERENCES reference_sets (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        image_id INTEGER NOT NULL REFERENCES images (id) ON DELETE CASCADE,
        PRIMARY KEY (set_id, position)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX reference_set_images_image ON reference_set_images (image_id);
    `);
  },
};
