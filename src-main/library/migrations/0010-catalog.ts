import type { Migration } from './migration';

/**
 * Generations, their images, the references they used and the result links still to download. Rowids grow with
 * creation time, so "newest first" is "rowid descending" everywhere and needs no sort.
 */
export const catalog: Migration = {
  version: 10,
  name: 'catalog',
  up(db) {
    db.exec(`
      CREATE TABLE generations (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('api', 'import')),
        prompt TEXT NOT NULL,
        model TEXT NOT NULL,
        params TEXT NOT NULL CHECK (json_valid(params)),
        requested_images INTEGER NOT NULL,
        status TEXT NOT NULL
          CHECK (status IN ('running', 'succeeded', 'partial', 'failed', 'cancelled', 'interrupted', 'imported')),
        error_code TEXT,
        error_message TEXT,
        usage_generated_images INTEGER,
        usage_output_tokens INTEGER,
        usage_total_tokens INTEGER,
        owner_pid INTEGER,
        created_at INTEGER NOT NULL,
        finished_at INTEGER
      ) STRICT;
      CREATE INDEX generations_running ON generations (owner_pid) WHERE status = 'running';

      CREATE TABLE images (
        id INTEGER PRIMARY KEY,
        generation_id INTEGER REFERENCES generations (id),
        position INTEGER NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        format TEXT NOT NULL CHECK (format IN ('png', 'jpeg', 'webp', 'gif', 'bmp', 'tiff')),
        width INTEGER NOT NULL CHECK (width > 0),
        height INTEGER NOT NULL CHECK (height > 0),
        bytes INTEGER NOT NULL CHECK (bytes > 0),
        favorite INTEGER NOT NULL DEFAULT 0 CHECK (favorite IN (0, 1)),
        file_state TEXT NOT NULL DEFAULT 'ok' CHECK (file_state IN ('ok', 'missing', 'corrupt')),
        created_at INTEGER NOT NULL,
        trashed_at INTEGER,
        UNIQUE (generation_id, position)
      ) STRICT;
      CREATE INDEX images_sha256 ON images (sha256);
      CREATE INDEX images_created_at ON images (created_at);
      CREATE INDEX images_favorite ON images (id) WHERE favorite = 1;
      CREATE INDEX images_trashed ON images (trashed_at) WHERE trashed_at IS NOT NULL;
      CREATE INDEX images_file_problems ON images (file_state) WHERE file_state <> 'ok';

      CREATE TABLE generation_references (
        generation_id INTEGER NOT NULL REFERENCES generations (id),
        position INTEGER NOT NULL,
        image_id INTEGER NOT NULL REFERENCES images (id),
        PRIMARY KEY (generation_id, position)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX generation_references_image ON generation_references (image_id, generation_id);

      CREATE TABLE result_slots (
        generation_id INTEGER NOT NULL REFERENCES generations (id),
        position INTEGER NOT NULL,
        url TEXT,
        expires_at INTEGER,
        state TEXT NOT NULL CHECK (state IN ('pending', 'saved', 'failed', 'lost')),
        error_code TEXT,
        reason TEXT,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (generation_id, position)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX result_slots_pending ON result_slots (expires_at) WHERE state = 'pending';

      CREATE TABLE file_purges (
        sha256 TEXT NOT NULL,
        format TEXT NOT NULL,
        PRIMARY KEY (sha256, format)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
