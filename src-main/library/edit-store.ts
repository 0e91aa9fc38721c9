import { createHash } from 'node:crypto';
import { AppFailure, appError } from '../../src-preload/contract/errors';
import { ImageFileWriter } from '../media/image-file-writer';
import type { ReadableDb } from './database';
import type { GenerationStore } from './generation-store';
import type { ImageStore } from './image-store';
import type { ImageRecord } from './records';
import type { WriteContext } from './write-context';

/** An applied edit as the catalog keeps it; `document` is the stored JSON, checked by whoever reads it. */
export interface EditRecord {
  generationId: number;
  baseImageId: number;
  markedImageId: number | null;
  prompt: string;
  document: unknown;
}

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
}

interface EditRow {
  generationId: number;
  baseImageId: number;
  markedImageId: number | null;
  prompt: string;
  document: string;
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
  };
}
