import { searchableText } from '../prompt-search';
import type { Migration } from './migration';

/**
 * Full-text search over prompts, one row per image keyed by the image id. Keying by image (not generation) lets
 * `MATCH ? ORDER BY rowid DESC LIMIT n` walk the index newest first and stop after one page, which keeps a
 * common word that matches half the library as fast as a rare one. Contentless: the prompt itself stays in
 * `generations`; the index holds only the spaced-out copy (see prompt-search.ts).
 */
export const promptSearch: Migration = {
  version: 30,
  name: 'prompt-search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE prompt_search USING fts5(
        text,
        content = '',
        contentless_delete = 1,
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
    `);
    // The spacing lives in TypeScript (prompt-search.ts); exposed to SQL for this one statement's backfill.
    db.function('searchable_text', { deterministic: true }, (prompt) => searchableText(String(prompt)));
    db.exec(`
      INSERT INTO prompt_search (rowid, text)
      SELECT i.id, searchable_text(g.prompt) FROM images i JOIN generations g ON g.id = i.generation_id
      WHERE g.prompt <> '';
    `);
  },
};
