import { createHash } from 'node:crypto';
import { AppFailure, appError, type AppError } from '../../src-preload/contract/errors';
import { ImageFileWriter } from '../media/image-file-writer';
import { imageColumns, imagesWithPrompt, toImageRecord, type ImageRow } from './catalog-rows';
import type { ReadableDb } from './database';
import type { GenerationStore } from './generation-store';
import type { ImageStore } from './image-store';
import { storedError, type GenerationStatus, type ImageRecord } from './records';
import type { WriteContext } from './write-context';

/** An applied edit as the catalog keeps it; `document` is the stored JSON, checked by whoever reads it. */
export interface EditRecord {
  generationId: number;
  baseImageId: number;
  markedImageId: number | null;
  prompt: string;
  document: unknown;
}

/** An edit made from an image, for its "Versions" list (see `versionsFrom`). */
export interface EditVersionRecord {
  generationId: number;
  baseImageId: number;
  /** The generation that made the base; null for a picture that came from outside. */
  baseGenerationId: number | null;
  /** The first of its pictures not in the trash. */
  image: ImageRecord | null;
  running: boolean;
  error: AppError | null;
}

/** More edits than anyone makes from one picture; the list stops at the oldest this many. */
export const maxEditVersions = 500;

/**
 * The edits drawn on an image (`?` 1), then on their pictures, and so on (`?` 2 at most). Each step follows an
 * edit's pictures (images by generation: the UNIQUE (generation_id, position) index) to the edits drawn on them
 * (generation_edits_base); UNION, not UNION ALL, so nothing is visited twice.
 */
export const editVersionsQuery = `WITH RECURSIVE tree (generation_id, base_image_id) AS (
       SELECT generation_id, base_image_id FROM generation_edits WHERE base_image_id = ?
       UNION
       SELECT e.generation_id, e.base_image_id FROM tree t
         JOIN images i ON i.generation_id = t.generation_id
         JOIN generation_edits e ON e.base_image_id = i.id
     )
     SELECT t.generation_id AS generationId, t.base_image_id AS baseImageId, b.generation_id AS baseGenerationId,
       g.status, g.error_code AS errorCode, g.error_message AS errorMessage,
       (SELECT count(*) FROM images n WHERE n.generation_id = t.generation_id) AS imageCount
     FROM tree t
       JOIN generations g ON g.id = t.generation_id
       JOIN images b ON b.id = t.base_image_id
     ORDER BY t.generation_id LIMIT ?`;

export interface EditStore {
  /**
   * Keeps the copy of a base that was marked, cropped or turned for sending, as the image of an imported
   * generation whose reference is the base, so lineage leads from the base to the copy to the result. The
   * same copy of the same base is stored once.
   */
  storeMarkedCopy(baseImageId: number, bytes: Buffer, prompt: string): Promise<ImageRecord>;
  /** Records the edit of a generation, once it is recorded itself. */
  record(edit: EditRecord): void;
  /** The edit a generation was made from; undefined for a generation made in Generate. */
  forGeneration(generationId: number): EditRecord | undefined;
  /**
   * The edits drawn on an image, then those drawn on any of their pictures, and so on, oldest first. An edit
   * whose pictures are all in the trash is left out (the person put it there); its own edits stay.
   */
  versionsFrom(imageId: number): EditVersionRecord[];
}

interface EditRow {
  generationId: number;
  baseImageId: number;
  markedImageId: number | null;
  prompt: string;
  document: string;
}

interface VersionRow {
  generationId: number;
  baseImageId: number;
  baseGenerationId: number | null;
  status: GenerationStatus;
  errorCode: string | null;
  errorMessage: string | null;
  imageCount: number;
}

export function createEditStore(
  ctx: WriteContext,
  reader: ReadableDb,
  deps: {
    generations: GenerationStore;
    imageStore: ImageStore;
    image: (id: number) => ImageRecord | undefined;
  },
): EditStore {
  const { writer: db } = ctx;
  const existingCopy = db.prepare<[string, number], { id: number }>(
    `SELECT i.id FROM images i JOIN generation_references r ON r.generation_id = i.generation_id
     WHERE i.sha256 = ? AND r.image_id = ? AND i.trashed_at IS NULL LIMIT 1`,
  );
  const insert = db.prepare(
    `INSERT INTO generation_edits (generation_id, base_image_id, marked_image_id, prompt, document)
     VALUES (@generationId, @baseImageId, @markedImageId, @prompt, @document)`,
  );
  const select = reader.prepare<[number], EditRow>(
    `SELECT generation_id AS generationId, base_image_id AS baseImageId, marked_image_id AS markedImageId,
       prompt, document FROM generation_edits WHERE generation_id = ?`,
  );
  const versionRows = reader.prepare<[number, number], VersionRow>(editVersionsQuery);
  const firstImage = reader.prepare<[number], ImageRow>(
    `SELECT ${imageColumns} FROM ${imagesWithPrompt}
     WHERE i.generation_id = ? AND i.trashed_at IS NULL ORDER BY i.position LIMIT 1`,
  );

  return {
    async storeMarkedCopy(baseImageId, bytes, prompt) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const existing = existingCopy.get(sha256, baseImageId);
      const found = existing ? deps.image(existing.id) : undefined;
      if (found) return found;
      const writer = new ImageFileWriter(ctx.tmpDir);
      const pending = writer.write(bytes);
      if (pending) await pending;
      const staged = await writer.finish();
      const generationId = deps.generations.create({
        kind: 'import',
        prompt,
        model: '',
        params: { markedCopyOf: baseImageId },
        requestedImages: 1,
        referenceIds: [baseImageId],
        ownerPid: null,
      });
      return (await deps.imageStore.store({ generationId, position: 0 }, staged)).image;
    },
    record(edit) {
      const result = insert.run({ ...edit, document: JSON.stringify(edit.document) });
      if (result.changes !== 1) {
        throw new AppFailure(appError('storage-failed', 'The edit could not be recorded.'));
      }
    },
    forGeneration(generationId) {
      const row = select.get(generationId);
      if (!row) return undefined;
      return { ...row, document: JSON.parse(row.document) as unknown };
    },
    versionsFrom(imageId) {
      return versionRows.all(imageId, maxEditVersions).flatMap((row) => {
        const first = firstImage.get(row.generationId);
        const running = row.status === 'running';
        if (!first && !running && row.imageCount > 0) return [];
        return [
          {
            generationId: row.generationId,
            baseImageId: row.baseImageId,
            baseGenerationId: row.baseGenerationId,
            image: first ? toImageRecord(first) : null,
            running: running && !first,
            error: first ? null : storedError(row.errorCode, row.errorMessage),
          },
        ];
      });
    },
  };
}
