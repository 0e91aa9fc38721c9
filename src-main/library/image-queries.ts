import type { Statement } from 'better-sqlite3';
import { AppFailure, appError } from '../../src-preload/contract/errors';
import type { ReadableDb } from './database';
import { promptMatchExpression } from './prompt-search';
import { createImageLookup, imageColumns, promptJoin, toImageRecord, type ImageRow } from './catalog-rows';
import type { ImageRecord } from './records';

export interface ImageFilter {
  model?: string;
  /** Created at or after, epoch ms. */
  from?: number;
  /** Created before, epoch ms. */
  to?: number;
  favorite?: boolean;
  tagId?: number;
  collectionId?: number;
  /** Made (or not made) from reference images. */
  hasReferences?: boolean;
  /** Width times height, inclusive bounds. */
  minPixels?: number;
  maxPixels?: number;
  /** List the trash instead of the library. */
  trashed?: boolean;
}

export interface ImageQuery {
  /** Prompt search: English words (stemmed) and Chinese substrings of any length. */
  query?: string;
  filter?: ImageFilter;
  sort?: 'newest' | 'oldest';
  /** Opaque: the `nextCursor` of the previous page. */
  cursor?: string | null;
  limit?: number;
}

export interface ImagePage {
  items: ImageRecord[];
  nextCursor: string | null;
}

const defaultPageSize = 200;
const maxPageSize = 1000;

type Params = Record<string, string | number>;

interface CompiledQuery {
  /** `FROM … WHERE …` without order or limit, shared by pages and counts. */
  body: string;
  /** The column pages are ordered by: an image id, whichever table provides it. */
  key: string;
  params: Params;
}

/** Ids bound a date range exactly because the writer stamps `created_at` never below an earlier image's. */
interface IdRange {
  fromId?: number;
  toId?: number;
  empty: boolean;
}

function parseCursor(cursor: string | null | undefined): number | undefined {
  if (cursor === null || cursor === undefined || cursor === '') return undefined;
  if (!/^[1-9]\d{0,15}$/.test(cursor)) {
    throw new AppFailure(
      appError('invalid-input', 'That page of results is no longer valid; reload the list.'),
    );
  }
  return Number(cursor);
}

/**
 * Builds the query from fixed SQL fragments chosen by which filters are present; every value is a bound
 * parameter. The driving table decides the walk: the FTS index for a prompt search (it returns rowids newest
 * first and stops after a page), a tag's or collection's join table (ordered by image id), else the images.
 */
function compile(query: ImageQuery, range: IdRange, match: string | null): CompiledQuery {
  const filter = query.filter ?? {};
  const params: Params = {};
  const where: string[] = [];
  let from: string;
  let key: string;
  let tagDrives = false;
  let collectionDrives = false;
  if (match !== null) {
    from = 'prompt_search s JOIN images i ON i.id = s.rowid';
    key = 's.rowid';
    where.push('prompt_search MATCH @match');
    params.match = match;
  } else if (filter.tagId !== undefined) {
    from = 'image_tags d JOIN images i ON i.id = d.image_id';
    key = 'd.image_id';
    where.push('d.tag_id = @tagId');
    tagDrives = true;
  } else if (filter.collectionId !== undefined) {
    from = 'collection_images d JOIN images i ON i.id = d.image_id';
    key = 'd.image_id';
    where.push('d.collection_id = @collectionId');
    collectionDrives = true;
  } else {
    from = 'images i';
    key = 'i.id';
  }
  where.push(filter.trashed === true ? 'i.trashed_at IS NOT NULL' : 'i.trashed_at IS NULL');
  if (filter.tagId !== undefined) {
    params.tagId = filter.tagId;
    if (!tagDrives)
      where.push('EXISTS (SELECT 1 FROM image_tags t WHERE t.tag_id = @tagId AND t.image_id = i.id)');
  }
  if (filter.collectionId !== undefined) {
    params.collectionId = filter.collectionId;
    if (!collectionDrives) {
      where.push(
        'EXISTS (SELECT 1 FROM collection_images c WHERE c.collection_id = @collectionId AND c.image_id = i.id)',
      );
    }
  }
  if (filter.model !== undefined) {
    where.push('i.model = @model');
    params.model = filter.model;
  }
  // Literal 0/1 (not a parameter) so the planner can use the partial index of favorites.
  if (filter.favorite !== undefined) where.push(filter.favorite ? 'i.favorite = 1' : 'i.favorite = 0');
  if (filter.hasReferences !== undefined) {
    where.push(filter.hasReferences ? 'i.with_references = 1' : 'i.with_references = 0');
  }
  if (filter.minPixels !== undefined) {
    where.push('i.width * i.height >= @minPixels');
    params.minPixels = filter.minPixels;
  }
  if (filter.maxPixels !== undefined) {
    where.push('i.width * i.height <= @maxPixels');
    params.maxPixels = filter.maxPixels;
  }
  if (range.fromId !== undefined) {
    where.push(`${key} >= @fromId`);
    params.fromId = range.fromId;
  }
  if (range.toId !== undefined) {
    where.push(`${key} < @toId`);
    params.toId = range.toId;
  }
  const body = `FROM ${from} ${promptJoin} WHERE ${where.join(' AND ')}`;
  return { body, key, params };
}

/** How many images match, as far as it was worth counting. */
export interface ImageCount {
  count: number;
  /** Counting stopped at the limit: at least `count` match. */
  atLeast: boolean;
}

type CountQuery = Omit<ImageQuery, 'cursor' | 'limit' | 'sort'>;

export interface ImageQueries {
  list(query: ImageQuery): ImagePage;
  /**
   * How many images the query matches in all. The whole library and the trash are read from the totals the
   * catalog keeps; anything else visits every match (a second for a common word in a million images).
   */
  count(query: CountQuery): number;
  /**
   * The count up to `limit` and no further, so a broad search is answered as fast as its first page: the
   * library and the trash exactly (kept totals), anything else by visiting at most `limit + 1` matches.
   */
  countUpTo(query: CountQuery, limit: number): ImageCount;
  /** SQLite's plan for `countUpTo`, for tests to show what a count visits. */
  explainCount(query: CountQuery, limit: number): string[];
  image(id: number): ImageRecord | undefined;
  /** SQLite's plan for a page of this query, for tests and the benchmark to show no sort or scan is needed. */
  explain(query: ImageQuery): string[];
  /** Every model that has images, in name order. */
  models(): string[];
}

export function createImageQueries(db: ReadableDb): ImageQueries {
  const statements = new Map<string, Statement>();
  const prepared = (sql: string): Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const firstIdAt = db.prepare<[number], { id: number }>(
    'SELECT id FROM images WHERE created_at >= ? ORDER BY created_at, id LIMIT 1',
  );
  const image = createImageLookup(db);
  const keptTotals = db.prepare<[], { live: number; trashed: number }>(
    'SELECT live_images AS live, trashed_images AS trashed FROM catalog_totals WHERE id = 1',
  );
  const distinctModels = db.prepare<[], { model: string }>(
    // A skip scan over the model index: one seek per distinct model instead of a pass over every image.
    `WITH RECURSIVE m (model) AS (
       SELECT min(model) FROM images
       UNION ALL
       SELECT (SELECT min(model) FROM images WHERE model > m.model) FROM m WHERE m.model IS NOT NULL
     )
     SELECT model FROM m WHERE model IS NOT NULL AND model <> ''`,
  );

  function idRange(filter: ImageFilter | undefined): IdRange {
    const range: IdRange = { empty: false };
    if (filter?.from !== undefined) {
      const first = firstIdAt.get(filter.from);
      if (!first) return { empty: true };
      range.fromId = first.id;
    }
    if (filter?.to !== undefined) {
      const after = firstIdAt.get(filter.to);
      if (after) range.toId = after.id;
    }
    return range;
  }

  /** The whole library or the whole trash: counted by triggers as images come and go. */
  function keptTotal(query: CountQuery): number | null {
    if (matchOf(query) !== null) return null;
    const { trashed, ...narrowing } = query.filter ?? {};
    // A key present but undefined (as a parsed request can hold) narrows nothing.
    const values: unknown[] = Object.values(narrowing);
    if (values.some((value) => value !== undefined)) return null;
    const row = keptTotals.get();
    return trashed === true ? (row?.trashed ?? 0) : (row?.live ?? 0);
  }

  /** Counts at most `limit` matches (one more tells that there are more); null when nothing can match. */
  function boundedCount(query: CountQuery, limit: number): { sql: string; params: Params } | null {
    const range = idRange(query.filter);
    if (range.empty) return null;
    const compiled = compile(query, range, matchOf(query));
    return {
      sql: `SELECT count(*) AS n FROM (SELECT 1 ${compiled.body} LIMIT @countLimit)`,
      params: { ...compiled.params, countLimit: limit + 1 },
    };
  }

  function matchOf(query: ImageQuery): string | null {
    return query.query === undefined ? null : promptMatchExpression(query.query);
  }

  /** One page, fetching one row more than asked to learn whether another page follows. Null: nothing can match. */
  function pageStatement(query: ImageQuery): { sql: string; params: Params; limit: number } | null {
    const limit = Math.min(Math.max(Math.trunc(query.limit ?? defaultPageSize), 1), maxPageSize);
    const range = idRange(query.filter);
    if (range.empty) return null;
    const compiled = compile(query, range, matchOf(query));
    const cursor = parseCursor(query.cursor);
    const newest = query.sort !== 'oldest';
    const params: Params = { ...compiled.params, limit: limit + 1 };
    let sql = `SELECT ${imageColumns} ${compiled.body}`;
    if (cursor !== undefined) {
      sql += ` AND ${compiled.key} ${newest ? '<' : '>'} @cursor`;
      params.cursor = cursor;
    }
    sql += ` ORDER BY ${compiled.key} ${newest ? 'DESC' : 'ASC'} LIMIT @limit`;
    return { sql, params, limit };
  }

  return {
    list(query) {
      const page = pageStatement(query);
      if (!page) return { items: [], nextCursor: null };
      const rows = prepared(page.sql).all(page.params) as ImageRow[];
      const items = rows.slice(0, page.limit).map(toImageRecord);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > page.limit && last ? String(last.id) : null };
    },

    explain(query) {
      const page = pageStatement(query);
      if (!page) return [];
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${page.sql}`).all(page.params) as { detail: string }[];
      return plan.map((row) => row.detail);
    },

    countUpTo(query, limit) {
      const kept = keptTotal(query);
      if (kept !== null) return { count: kept, atLeast: false };
      const bounded = boundedCount(query, limit);
      if (!bounded) return { count: 0, atLeast: false };
      const row = prepared(bounded.sql).get(bounded.params) as { n: number };
      return row.n > limit ? { count: limit, atLeast: true } : { count: row.n, atLeast: false };
    },

    explainCount(query, limit) {
      if (keptTotal(query) !== null) {
        const plan = db
          .prepare('EXPLAIN QUERY PLAN SELECT live_images FROM catalog_totals WHERE id = 1')
          .all();
        return (plan as { detail: string }[]).map((row) => row.detail);
      }
      const bounded = boundedCount(query, limit);
      if (!bounded) return [];
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${bounded.sql}`).all(bounded.params) as {
        detail: string;
      }[];
      return plan.map((row) => row.detail);
    },

    count(query) {
      const kept = keptTotal(query);
      if (kept !== null) return kept;
      const range = idRange(query.filter);
      if (range.empty) return 0;
      const compiled = compile(query, range, matchOf(query));
      const row = prepared(`SELECT count(*) AS n ${compiled.body}`).get(compiled.params) as { n: number };
      return row.n;
    },

    image,

    models() {
      return distinctModels.all().map((row) => row.model);
    },
  };
}
