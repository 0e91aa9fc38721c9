import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../src-preload/contract/errors';
import { openWriter, type WritableDb } from '../../src-main/library/database';
import { latestSchemaVersion, migrate, migrations, schemaVersion } from '../../src-main/library/migrations';
import type { Migration } from '../../src-main/library/migrations/migration';
import { createLedgerQueries } from '../../src-main/library/ledger-queries';
import { promptMatchExpression } from '../../src-main/library/prompt-search';
import { tempDir } from './fixtures';

async function newDb(): Promise<WritableDb> {
  return openWriter(path.join(await tempDir(), 'catalog.sqlite'));
}

/** Rows a library at `version` can hold, written with that version's columns only. */
function insertFixture(db: WritableDb, version: number): void {
  if (version >= 10) {
    db.exec(`
      INSERT INTO generations (id, kind, prompt, model, params, requested_images, status, created_at, finished_at,
        usage_generated_images, usage_output_tokens, usage_total_tokens)
      VALUES
        (1, 'api', 'a red fox in the snow', 'doubao-seedream-4-0-250828', '{"size":"2K"}', 2, 'succeeded',
          1000, 2000, 2, 100, 100),
        (2, 'api', '一只可爱的小猫坐在窗台上', 'doubao-seedream-4-5-251128', '{"size":"2048x2048"}', 1, 'partial',
          3000, 4000, 1, 50, 50),
        (3, 'import', '', '', '{}', 1, 'imported', 5000, 5000, NULL, NULL, NULL);
      INSERT INTO images (id, generation_id, position, sha256, format, width, height, bytes, favorite, created_at)
      VALUES
        (1, 1, 0, '${'a'.repeat(64)}', 'png', 2048, 2048, 1000, 1, 1500),
        (2, 1, 1, '${'b'.repeat(64)}', 'png', 2048, 2048, 1001, 0, 1600),
        (3, 2, 0, '${'c'.repeat(64)}', 'jpeg', 2304, 1728, 1002, 0, 3500),
        (4, NULL, 0, '${'d'.repeat(64)}', 'webp', 640, 480, 1003, 0, 5000);
      INSERT INTO generation_references (generation_id, position, image_id) VALUES (2, 0, 1), (2, 1, 4);
      INSERT INTO result_slots (generation_id, position, url, expires_at, state, error_code, reason, updated_at)
      VALUES (2, 0, 'https://example.com/a?x=1&y=%2F', 90000, 'saved', NULL, NULL, 3600),
             (2, 1, NULL, NULL, 'failed', 'content-rejected', 'The image was refused.', 3700);
    `);
  }
  if (version >= 20) {
    db.exec(`
      INSERT INTO tags (id, name, created_at) VALUES (1, 'Animals', 6000);
      INSERT INTO image_tags (tag_id, image_id) VALUES (1, 1), (1, 3);
      INSERT INTO collections (id, name, created_at) VALUES (1, 'Best', 6100);
      INSERT INTO collection_images (collection_id, image_id, added_at) VALUES (1, 3, 6200);
    `);
  }
}

const plainTables = [
  'generations',
  'images',
  'generation_references',
  'result_slots',
  'file_purges',
  'tags',
  'image_tags',
  'collections',
  'collection_images',
];

function snapshot(db: WritableDb): Map<string, unknown[]> {
  const existing = new Set(
    db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'")
      .all()
      .map((row) => row.name),
  );
  const tables = new Map<string, unknown[]>();
  // Table names come from the fixed list above, never from input; identifiers cannot be bound.
  for (const table of plainTables.filter((name) => existing.has(name))) {
    tables.set(table, db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all());
  }
  return tables;
}

/** The rows of `before`, read again after the step, limited to the columns that existed before. */
function sameColumns(before: unknown[], after: unknown[]): unknown[] {
  return after.map((row, index) => {
    const old = before[index];
    if (typeof old !== 'object' || old === null || typeof row !== 'object' || row === null) return row;
    return Object.fromEntries(Object.keys(old).map((key) => [key, (row as Record<string, unknown>)[key]]));
  });
}

function searchIds(db: WritableDb, match: string | null): number[] {
  return db
    .prepare<[string | null], { id: number }>(
      'SELECT rowid AS id FROM prompt_search WHERE prompt_search MATCH ? ORDER BY rowid',
    )
    .all(match)
    .map((row) => row.id);
}

/** What each step must have done to the fixture, beyond keeping every earlier row intact. */
/** The totals catalog_totals keeps, counted again from the rows. */
function recountedTotals(db: WritableDb): unknown {
  return db
    .prepare(
      `SELECT
         (SELECT count(*) FROM images WHERE trashed_at IS NULL) AS live_images,
         (SELECT coalesce(sum(bytes), 0) FROM images WHERE trashed_at IS NULL) AS live_bytes,
         (SELECT count(*) FROM images WHERE trashed_at IS NOT NULL) AS trashed_images,
         (SELECT coalesce(sum(bytes), 0) FROM images WHERE trashed_at IS NOT NULL) AS trashed_bytes,
         (SELECT count(*) FROM generations WHERE kind = 'api') AS api_generations,
         (SELECT count(*) FROM generations WHERE kind = 'api' AND status = 'failed') AS failed_generations,
         (SELECT coalesce(sum(usage_generated_images), 0) FROM generations WHERE kind = 'api') AS generated_images,
         (SELECT coalesce(sum(usage_output_tokens), 0) FROM generations WHERE kind = 'api') AS output_tokens,
         (SELECT coalesce(sum(usage_total_tokens), 0) FROM generations WHERE kind = 'api') AS total_tokens`,
    )
    .get();
}

function keptTotals(db: WritableDb): unknown {
  const { id: _id, ...totals } = db.prepare('SELECT * FROM catalog_totals').get() as Record<string, unknown>;
  return totals;
}

const stepChecks: Record<number, (db: WritableDb) => void> = {
  10: (db) => {
    const strict = db
      .prepare<[], { name: string; strict: number }>(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main'",
      )
      .all()
      .filter((table) => !table.name.startsWith('sqlite_'));
    expect(strict.length).toBeGreaterThan(0);
    expect(strict.every((table) => table.strict === 1)).toBe(true);
  },
  20: (db) => {
    db.exec("INSERT INTO tags (name, created_at) VALUES ('Cats', 1)");
    expect(() => db.exec("INSERT INTO tags (name, created_at) VALUES ('cats', 2)")).toThrow(/UNIQUE/);
  },
  30: (db) => {
    expect(searchIds(db, '"fox"')).toEqual([1, 2]);
    expect(searchIds(db, '"小 猫"')).toEqual([3]);
    expect(searchIds(db, '"猫"')).toEqual([3]);
    expect(searchIds(db, '"snow" "fox"')).toEqual([1, 2]);
    expect(searchIds(db, '"窗 台" "fox"')).toEqual([]);
  },
  40: (db) => {
    const rows = db
      .prepare<[], { id: number; model: string; withReferences: number }>(
        'SELECT id, model, with_references AS withReferences FROM images ORDER BY id',
      )
      .all();
    expect(rows).toEqual([
      { id: 1, model: 'doubao-seedream-4-0-250828', withReferences: 0 },
      { id: 2, model: 'doubao-seedream-4-0-250828', withReferences: 0 },
      { id: 3, model: 'doubao-seedream-4-5-251128', withReferences: 1 },
      { id: 4, model: '', withReferences: 0 },
    ]);
    const plan = db
      .prepare<[], { detail: string }>(
        "EXPLAIN QUERY PLAN SELECT id FROM images WHERE model = 'x' AND trashed_at IS NULL ORDER BY id DESC LIMIT 10",
      )
      .all()
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toContain('images_model');
    expect(plan).not.toContain('TEMP B-TREE');
  },
  60: (db) => {
    const rows = db
      .prepare<[], { id: number; problem: string | null }>(
        'SELECT id, preview_problem AS problem FROM images ORDER BY id',
      )
      .all();
    expect(rows.map((row) => row.problem)).toEqual([null, null, null, null]);
    const column = db
      .prepare<[], { name: string; type: string; notnull: number }>(
        'SELECT name, type, "notnull" FROM pragma_table_info(\'images\')',
      )
      .all()
      .find((info) => info.name === 'preview_problem');
    expect(column).toEqual({ name: 'preview_problem', type: 'TEXT', notnull: 0 });
    db.prepare('UPDATE images SET preview_problem = ? WHERE id = 4').run(
      'No preview: the file cannot be read.',
    );
  },
  80: (db) => {
    const rows = db
      .prepare<[], { id: number; currency: string | null; cost: number | null }>(
        'SELECT id, price_currency AS currency, cost_micros AS cost FROM generations ORDER BY id',
      )
      .all();
    // Generations from before prices were kept have an unknown cost, not a cost of zero.
    expect(rows).toEqual([
      { id: 1, currency: null, cost: null },
      { id: 2, currency: null, cost: null },
      { id: 3, currency: null, cost: null },
    ]);
    expect(createLedgerQueries(db).entries(0)).toEqual([]);
    const plan = db
      .prepare<[], { detail: string }>(
        'EXPLAIN QUERY PLAN SELECT id FROM generations WHERE price_currency IS NOT NULL AND created_at >= 0 ORDER BY created_at',
      )
      .all()
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toContain('generations_priced');
    expect(plan).not.toContain('TEMP B-TREE');
  },
  90: (db) => {
    const insert = db.prepare(
      'INSERT INTO generation_edits (generation_id, base_image_id, marked_image_id, prompt, document) VALUES (?, ?, ?, ?, ?)',
    );
    insert.run(2, 1, 2, 'make [[box 1]] blue', '{"marks":[]}');
    expect(() => insert.run(1, 1, null, 'x', 'not json')).toThrow(/CHECK/);
    const plan = db
      .prepare<[], { detail: string }>(
        'EXPLAIN QUERY PLAN SELECT generation_id FROM generation_edits WHERE base_image_id = 1',
      )
      .all()
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toContain('generation_edits_base');
  },
  100: (db) => {
    expect(db.prepare('SELECT paused FROM queue_state').all()).toEqual([{ paused: 0 }]);
    expect(() => db.exec('INSERT INTO queue_state (id, paused) VALUES (2, 0)')).toThrow(/CHECK/);
    db.prepare(
      `INSERT INTO queue_items (position, request, reference_ids, state, generation_id, batch, created_at)
       VALUES (1, '{"prompt":"x"}', '[]', 'running', 1, 'app', 5)`,
    ).run();
    expect(() =>
      db.exec(
        `INSERT INTO queue_items (position, request, reference_ids, state, batch, created_at)
         VALUES (2, '{}', '[]', 'lost', 'app', 5)`,
      ),
    ).toThrow(/CHECK/);
    const plan = db
      .prepare<[], { detail: string }>(
        "EXPLAIN QUERY PLAN SELECT id FROM queue_items WHERE state = 'waiting' ORDER BY position LIMIT 1",
      )
      .all()
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toContain('queue_items_state');
    expect(plan).not.toContain('TEMP B-TREE');
  },
  101: (db) => {
    db.prepare(
      "INSERT INTO saved_prompts (name, template, tags, created_at, updated_at) VALUES ('Cats', '{a|b}', '[\"x\"]', 1, 1)",
    ).run();
    expect(() =>
      db.exec(
        "INSERT INTO saved_prompts (name, template, tags, created_at, updated_at) VALUES ('cats', 'y', '[]', 2, 2)",
      ),
    ).toThrow(/UNIQUE/);
    expect(() =>
      db.exec(
        "INSERT INTO saved_prompts (name, template, tags, created_at, updated_at) VALUES ('Dogs', 'y', '{}', 2, 2)",
      ),
    ).toThrow(/CHECK/);
  },
  102: (db) => {
    db.exec("INSERT INTO reference_sets (name, created_at, updated_at) VALUES ('Hero', 1, 1)");
    db.exec('INSERT INTO reference_set_images (set_id, position, image_id) VALUES (1, 0, 3), (1, 1, 1)');
    expect(() =>
      db.exec('INSERT INTO reference_set_images (set_id, position, image_id) VALUES (1, 2, 999)'),
    ).toThrow(/FOREIGN KEY/);
    db.exec('DELETE FROM reference_sets WHERE id = 1');
    expect(db.prepare('SELECT count(*) AS n FROM reference_set_images').get()).toEqual({ n: 0 });
  },
  103: (db) => {
    const counts = () =>
      db.prepare<[], { id: number; n: number }>('SELECT id, image_count AS n FROM tags ORDER BY id').all();
    // Backfilled from the fixture's two tagged images, then kept by every change, a cascaded delete included.
    expect(counts()).toEqual([{ id: 1, n: 2 }]);
    db.exec(`
      INSERT INTO tags (id, name, created_at) VALUES (2, 'Cities', 7000);
      INSERT INTO image_tags (tag_id, image_id) VALUES (2, 1), (2, 2), (1, 2);
      INSERT OR IGNORE INTO image_tags (tag_id, image_id) VALUES (1, 1);
      DELETE FROM image_tags WHERE tag_id = 2 AND image_id = 2;
      DELETE FROM generation_references WHERE image_id = 1;
      DELETE FROM images WHERE id = 1;
    `);
    const recounted = db
      .prepare<[], { id: number; n: number }>(
        'SELECT t.id, (SELECT count(*) FROM image_tags it WHERE it.tag_id = t.id) AS n FROM tags t ORDER BY t.id',
      )
      .all();
    expect(counts()).toEqual(recounted);
    expect(counts()).toEqual([
      { id: 1, n: 2 },
      { id: 2, n: 0 },
    ]);
    const plan = db
      .prepare<[], { detail: string }>(
        "EXPLAIN QUERY PLAN SELECT id FROM images i WHERE i.favorite = 1 AND i.model = 'm' ORDER BY i.id DESC LIMIT 200",
      )
      .all()
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toContain('images_favorite_model');
    expect(plan).not.toContain('TEMP B-TREE');
  },
  50: (db) => {
    const search = (text: string) => searchIds(db, promptMatchExpression(text));
    expect(search('fox')).toEqual([1, 2]);
    expect(search('snow fox')).toEqual([1, 2]);
    expect(search('猫')).toEqual([3]);
    expect(search('小猫')).toEqual([3]);
    expect(search('坐在窗台')).toEqual([3]);
    expect(search('猫窗')).toEqual([]);
    expect(search('窗台 fox')).toEqual([]);
  },
  70: (db) => {
    // Backfilled from the rows a version 50 catalog held.
    expect(keptTotals(db)).toEqual(recountedTotals(db));
    expect(keptTotals(db)).toMatchObject({ live_images: 4, live_bytes: 4006, api_generations: 2 });
    // And kept by triggers through every change the library makes.
    db.exec(`
      UPDATE images SET trashed_at = 9000 WHERE id IN (1, 3);
      UPDATE images SET trashed_at = NULL WHERE id = 3;
      INSERT INTO generations (id, kind, prompt, model, params, requested_images, status, created_at)
        VALUES (4, 'api', 'x', 'm', '{}', 2, 'running', 9100);
      INSERT INTO images (id, generation_id, position, sha256, format, width, height, bytes, created_at)
        VALUES (5, 4, 0, '${'e'.repeat(64)}', 'png', 64, 64, 500, 9200);
      UPDATE generations SET status = 'failed', usage_generated_images = 1, usage_output_tokens = 9,
        usage_total_tokens = 9 WHERE id = 4;
      DELETE FROM generation_references WHERE image_id = 1;
      DELETE FROM image_tags WHERE image_id = 1;
      DELETE FROM images WHERE id = 1;
    `);
    expect(keptTotals(db)).toEqual(recountedTotals(db));
    expect(keptTotals(db)).toMatchObject({ live_images: 4, trashed_images: 0, failed_generations: 1 });
    // Reading the totals is one row by its key, never a pass over the images.
    const plan = db
      .prepare<[], { detail: string }>(
        'EXPLAIN QUERY PLAN SELECT live_images FROM catalog_totals WHERE id = 1',
      )
      .all()
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toMatch(/SEARCH catalog_totals USING INTEGER PRIMARY KEY/);
    expect(plan).not.toContain('images');
  },
};

describe('catalog migrations', () => {
  it('brings a new catalog to the latest version', async () => {
    const db = await newDb();
    expect(migrate(db)).toEqual({ from: 0, to: latestSchemaVersion });
    expect(schemaVersion(db)).toBe(latestSchemaVersion);
    expect(migrate(db)).toEqual({ from: latestSchemaVersion, to: latestSchemaVersion });
    db.close();
  });

  it('has a check for every step', () => {
    expect(migrations.map((step) => step.version)).toEqual(Object.keys(stepChecks).map(Number));
  });

  for (const [index, step] of migrations.entries()) {
    const previous = index === 0 ? 0 : (migrations[index - 1]?.version ?? 0);
    it(`step ${step.version} (${step.name}) keeps every row a version ${previous} catalog held`, async () => {
      const db = await newDb();
      migrate(db, previous);
      insertFixture(db, previous);
      const before = snapshot(db);
      expect(migrate(db, step.version)).toEqual({ from: previous, to: step.version });
      const after = snapshot(db);
      for (const [table, rows] of before) {
        expect(sameColumns(rows, after.get(table) ?? []), table).toEqual(rows);
      }
      stepChecks[step.version]?.(db);
      migrate(db);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    });
  }

  it('refuses a catalog from a newer version and leaves it untouched', async () => {
    const db = await newDb();
    migrate(db);
    db.pragma(`user_version = ${latestSchemaVersion + 10}`);
    let failure: unknown;
    try {
      migrate(db);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(AppFailure);
    expect((failure as AppFailure).appError.code).toBe('library-too-new');
    expect(schemaVersion(db)).toBe(latestSchemaVersion + 10);
    db.close();
  });

  it('runs pending steps in one transaction: a failing step leaves the catalog as it was', async () => {
    const db = await newDb();
    const steps: Migration[] = [
      { version: 10, name: 'one', up: (d) => d.exec('CREATE TABLE one (x INTEGER) STRICT') },
      { version: 20, name: 'two', up: (d) => d.exec('CREATE TABLE two (x INTEGER) STRICT') },
      {
        version: 30,
        name: 'broken',
        up: (d) => {
          d.exec('CREATE TABLE three (x INTEGER) STRICT');
          throw new Error('step failed');
        },
      },
    ];
    expect(() => migrate(db, 30, steps)).toThrow('step failed');
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all()).toEqual([]);
    db.close();
  });

  it('refuses a step list whose versions do not go up', async () => {
    const db = await newDb();
    const noop = () => undefined;
    const steps: Migration[] = [
      { version: 20, name: 'b', up: noop },
      { version: 10, name: 'a', up: noop },
    ];
    expect(() => migrate(db, 20, steps)).toThrow(/not above/);
    db.close();
  });
});
