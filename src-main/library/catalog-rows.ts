import type { ReadableDb } from './database';
import type { ImageRecord } from './records';

/** The columns of an image as `imageColumns` selects them: a record with SQLite's 0/1 for the boolean. */
export type ImageRow = Omit<ImageRecord, 'favorite'> & { favorite: number };

/** Joins the prompt of an image's generation to `images i`, for `imageColumns`. */
export const promptJoin = 'LEFT JOIN generations g ON g.id = i.generation_id';

/** An image with its generation's prompt: what `imageColumns` is selected from. */
export const imagesWithPrompt = `images i ${promptJoin}`;

/** Select list for `imagesWithPrompt`; keep in step with `ImageRow`. */
export const imageColumns = `i.id AS id, i.generation_id AS generationId, i.position AS position, i.sha256 AS sha256,
  i.width AS width, i.height AS height, i.format AS format, i.bytes AS bytes, i.favorite AS favorite,
  i.created_at AS createdAt, i.trashed_at AS trashedAt, i.file_state AS fileState,
  i.preview_problem AS previewProblem,
  coalesce(g.prompt, '') AS prompt, i.model AS model`;

/** Select list for `tags t`: a tag with how many images carry it (kept by triggers, migration 0103). */
export const tagColumns = 't.id, t.name, t.image_count AS imageCount';

/** Select list for `collections c`: a collection with how many images it holds. */
export const collectionColumns = `c.id, c.name, c.created_at AS createdAt,
  (SELECT count(*) FROM collection_images n WHERE n.collection_id = c.id) AS imageCount`;

export function toImageRecord(row: ImageRow): ImageRecord {
  return { ...row, favorite: row.favorite === 1 };
}

/**
 * The one query for an image row with its columns, by id. Queries pass the read-only connection; the image
 * store passes its writer, which reads its own commits.
 */
export function createImageLookup(db: ReadableDb): (id: number) => ImageRecord | undefined {
  const byId = db.prepare<[number], ImageRow>(
    `SELECT ${imageColumns} FROM ${imagesWithPrompt} WHERE i.id = ?`,
  );
  return (id) => {
    const row = byId.get(id);
    return row ? toImageRecord(row) : undefined;
  };
}
