import type { Migration } from './migration';

/**
 * An edit applied in the Edit view is one generation; this records the edit itself beside it: the base it was
 * drawn on, the marked copy that was sent (null when the base was sent as it is), the prompt as written (with
 * its region placeholders) and the document (marks, regions, crop, turns and flips as data), so "Reopen edit"
 * restores the canvas exactly as it was sent. The marked copy's own lineage to the base is an ordinary
 * reference of the generation that stored it.
 */
export const generationEdits: Migration = {
  version: 90,
  name: 'generation-edits',
  up(db) {
    db.exec(`
      CREATE TABLE generation_edits (
        generation_id INTEGER PRIMARY KEY REFERENCES generations (id),
        base_image_id INTEGER NOT NULL REFERENCES images (id),
        marked_image_id INTEGER REFERENCES images (id),
        prompt TEXT NOT NULL,
        document TEXT NOT NULL CHECK (json_valid(document))
      ) STRICT;
      CREATE INDEX generation_edits_base ON generation_edits (base_image_id);
    `);
  },
};
