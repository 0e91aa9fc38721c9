import { AppFailure, appError } from '../../src-preload/contract/errors';
import type { PromptHistoryEntry, SavedPrompt } from '../../src-preload/contract/prompts';
import type { ReadableDb } from './database';
import { cleanName, withUniqueName } from './names';
import { promptMatchExpression } from './prompt-search';
import type { WriteContext } from './write-context';

export interface PromptStore {
  /**
   * Prompts sent, newest use first, each once. With `query`, only prompts the library's prompt index matches
   * (so the same words find the same prompts in the library and in the history).
   */
  history(query: string | undefined, limit: number): PromptHistoryEntry[];
  saved(): SavedPrompt[];
  save(prompt: { id?: number; name: string; template: string; tags: readonly string[] }): SavedPrompt;
  remove(id: number): void;
}

interface SavedRow {
  id: number;
  name: string;
  template: string;
  tags: string;
  createdAt: number;
  updatedAt: number;
}

const savedColumns = 'id, name, template, tags, created_at AS createdAt, updated_at AS updatedAt';

function toSaved(row: SavedRow): SavedPrompt {
  const tags: unknown = JSON.parse(row.tags);
  return { ...row, tags: Array.isArray(tags) ? tags.filter((tag) => typeof tag === 'string') : [] };
}

/** Tags once each (ignoring case), in the order given. */
function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags
    .map((tag) => tag.trim())
    .filter((tag) => {
      const key = tag.toLowerCase();
      if (tag === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

export function createPromptStore(ctx: WriteContext, reader: ReadableDb): PromptStore {
  const { writer: db, now } = ctx;
  // Newest first by rowid (creation order); walked lazily so a long history stops at the first `limit` prompts.
  const sent = reader.prepare<[], { prompt: string; generationId: number; lastUsedAt: number }>(
    `SELECT prompt, id AS generationId, created_at AS lastUsedAt FROM generations
     WHERE kind = 'api' AND prompt <> '' ORDER BY id DESC`,
  );
  const matching = reader.prepare<[string], { prompt: string; generationId: number; lastUsedAt: number }>(
    `SELECT g.prompt, g.id AS generationId, g.created_at AS lastUsedAt FROM generations g
     WHERE g.kind = 'api' AND g.id IN (
       SELECT i.generation_id FROM prompt_search s JOIN images i ON i.id = s.rowid WHERE prompt_search MATCH ?
     ) ORDER BY g.id DESC`,
  );
  const all = reader.prepare<[], SavedRow>(`SELECT ${savedColumns} FROM saved_prompts ORDER BY name`);
  const byId = db.prepare<[number], SavedRow>(`SELECT ${savedColumns} FROM saved_prompts WHERE id = ?`);
  const insert = db.prepare(
    'INSERT INTO saved_prompts (name, template, tags, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const update = db.prepare(
    'UPDATE saved_prompts SET name = ?, template = ?, tags = ?, updated_at = ? WHERE id = ?',
  );
  const remove = db.prepare('DELETE FROM saved_prompts WHERE id = ?');

  return {
    history(query, limit) {
      const trimmed = query?.trim() ?? '';
      const match = trimmed === '' ? null : promptMatchExpression(trimmed);
      if (trimmed !== '' && match === null) return [];
      const rows = match === null ? sent.iterate() : matching.iterate(match);
      const entries: PromptHistoryEntry[] = [];
      const seen = new Set<string>();
      for (const row of rows) {
        if (seen.has(row.prompt)) continue;
        seen.add(row.prompt);
        entries.push(row);
        if (entries.length >= limit) break;
      }
      return entries;
    },
    saved: () => all.all().map(toSaved),
    save(prompt) {
      const name = cleanName(prompt.name, 'saved prompt');
      const tags = JSON.stringify(uniqueTags(prompt.tags));
      return withUniqueName(name, 'saved prompt', () =>
        db
          .transaction(() => {
            let id = prompt.id;
            if (id === undefined) {
              id = Number(insert.run(name, prompt.template, tags, now(), now()).lastInsertRowid);
            } else if (update.run(name, prompt.template, tags, now(), id).changes === 0) {
              throw new AppFailure(appError('not-found', 'That saved prompt no longer exists.'));
            }
            const row = byId.get(id);
            if (!row) throw new Error('A saved prompt vanished inside its own transaction.');
            return toSaved(row);
          })
          .immediate(),
      );
    },
    remove(id) {
      remove.run(id);
    },
  };
}
