import type { Migration } from './migration';

/**
 * The batch queue, kept in the catalog so it survives quit and crash and so the command line and the app share
 * it. An item is `running` while a process (`owner_pid`) has it; `generation_id` is written before its request
 * can go out, which is how a restart tells an item that was never sent (put back to `waiting`) from one that may
 * have been (`unknown`, never sent again without the user's word). `queue_state` is one row: paused or not.
 */
export const queue: Migration = {
  version: 100,
  name: 'queue',
  up(db) {
    db.exec(`
      CREATE TABLE queue_items (
        id INTEGER PRIMARY KEY,
        position INTEGER NOT NULL,
        request TEXT NOT NULL CHECK (json_valid(request)),
        reference_ids TEXT NOT NULL CHECK (json_valid(reference_ids)),
        state TEXT NOT NULL
          CHECK (state IN ('waiting', 'running', 'done', 'failed', 'cancelled', 'unknown')),
        generation_id INTEGER REFERENCES generations (id) ON DELETE SET NULL,
        owner_pid INTEGER,
        batch TEXT NOT NULL,
        error_code TEXT,
        error_message TEXT,
        created_at INTEGER NOT NULL,
        started_at INTEGER,
        finished_at INTEGER
      ) STRICT;
      CREATE INDEX queue_items_state ON queue_items (state, position);
      CREATE INDEX queue_items_generation ON queue_items (generation_id) WHERE generation_id IS NOT NULL;

      CREATE TABLE queue_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        paused INTEGER NOT NULL CHECK (paused IN (0, 1))
      ) STRICT;
      INSERT INTO queue_state (id, paused) VALUES (1, 0);
    `);
  },
};
