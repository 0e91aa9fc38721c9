import type { Migration } from './migration';

/** Tags and collections. Both join tables lead with the group, so a filtered page walks image ids in order. */
export const tagsCollections: Migration = {
  version: 20,
  name: 'tags-collections',
  up(db) {
    db.exec(`
      CREATE TABLE tags (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL COLLATE NOCASE UNIQUE,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE image_tags (
        tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
        image_id INTEGER NOT NULL REFERENCES images (id) ON DELETE CASCADE,
        PRIMARY KEY (tag_id, image_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX image_tags_image ON image_tags (image_id);

      CREATE TABLE collections (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL COLLATE NOCASE UNIQUE,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE collection_images (
        collection_id INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
        image_id INTEGER NOT NULL REFERENCES images (id) ON DELETE CASCADE,
        added_at INTEGER NOT NULL,
        PRIMARY KEY (collection_id, image_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX collection_images_image ON collection_images (image_id);
    `);
  },
};
