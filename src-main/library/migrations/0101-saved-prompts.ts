import type { Migration } from './migration';

/** The "Prompt library": named prompts (templates allowed) with tags kept as a JSON array of names. */
export const savedPrompts: Migration = {
  version: 101,
  name: 'saved-prompts',
  up(db) {
    db.exec(`
      CREATE TABLE saved_prompts (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL COLLATE NOCASE UNIQUE,
        template TEXT NOT NULL,
        tags TEXT NOT NULL CHECK (json_valid(tags) AND json_type(tags) = 'array'),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
