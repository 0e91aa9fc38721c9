import { unlink } from 'node:fs/promises';
import { AppFailure, appError } from '../../src-preload/contract/errors';
import { placeStagedFile, syncFile, type StagedFile } from './file-store';
import { cjkPairs, searchableText } from './prompt-search';
import { createImageLookup } from './catalog-rows';
import type { ImageRecord } from './records';
import type { WriteContext } from './write-context';

/** Where a stored image belongs: a slot of a generation, or nowhere (a bare import). */
export interface ImageSlot {
  generationId: number | null;
  position: number;
}

export interface StoredImage {
  image: ImageRecord;
  /** False when the slot already held an image (another process resumed the same download first). */
  added: boolean;
}

export interface ImageStore {
  /**
   * Takes a staged file into the library: synced, then (in one write transaction) moved to its content-addressed
   * place and recorded; that is "saved". A crash before the commit leaves at most an unreferenced file in the
   * store, never a row without its file. Thumbnails are not made here (see thumbnail-queue.ts).
   */
  store(slot: ImageSlot, file: StagedFile): Promise<StoredImage>;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface ImageStoreOptions {
  /** Told of each image added, after its row is committed (the thumbnail queue listens). */
  onAdded?: (sha256: string) => void;
}

export function createImageStore(ctx: WriteContext, options: ImageStoreOptions = {}): ImageStore {
  const { writer: db, paths, now } = ctx;
  const slotImage = db.prepare<[number, number], { id: number }>(
    'SELECT id FROM images WHERE generation_id = ? AND position = ?',
  );
  const generationFacts = db.prepare<[number], { model: string; prompt: string; withReferences: number }>(
    `SELECT model, prompt, EXISTS (SELECT 1 FROM generation_references r WHERE r.generation_id = g.id)
       AS withReferences FROM generations g WHERE g.id = ?`,
  );
  const latestCreatedAt = db.prepare<[], { latest: number | null }>(
    'SELECT max(created_at) AS latest FROM images',
  );
  const insertImage = db.prepare(
    `INSERT INTO images (generation_id, position, sha256, format, width, height, bytes, created_at, model,
       with_references)
     VALUES (@generationId, @position, @sha256, @format, @width, @height, @bytes, @createdAt, @model, @withReferences)`,
  );
  const insertSearchText = db.prepare('INSERT INTO prompt_search (rowid, text, pairs) VALUES (?, ?, ?)');
  const markSlotSaved = db.prepare(
    `UPDATE result_slots SET state = 'saved', error_code = NULL, reason = NULL, updated_at = ?
     WHERE generation_id = ? AND position = ?`,
  );
  const imageById = createImageLookup(db);

  const read = (id: number): ImageRecord => {
    const image = imageById(id);
    if (!image) throw new Error(`Image ${id} vanished inside its own transaction.`);
    return image;
  };

  const commit = db.transaction((slot: ImageSlot, file: StagedFile): { id: number; added: boolean } => {
    if (slot.generationId !== null) {
      const existing = slotImage.get(slot.generationId, slot.position);
      if (existing) return { id: existing.id, added: false };
    }
    const facts =
      slot.generationId === null
        ? { model: '', prompt: '', withReferences: 0 }
        : generationFacts.get(slot.generationId);
    if (!facts)
      throw new AppFailure(appError('not-found', 'The generation of this image is no longer recorded.'));
    placeStagedFile(paths, file);
    // Never below an earlier image's time, so creation order and id order agree and a date range is an id range.
    const createdAt = Math.max(now(), latestCreatedAt.get()?.latest ?? 0);
    const id = Number(
      insertImage.run({
        generationId: slot.generationId,
        position: slot.position,
        sha256: file.sha256,
        format: file.format,
        width: file.width,
        height: file.height,
        bytes: file.bytes,
        createdAt,
        model: facts.model,
        withReferences: facts.withReferences,
      }).lastInsertRowid,
    );
    if (facts.prompt !== '') insertSearchText.run(id, searchableText(facts.prompt), cjkPairs(facts.prompt));
    if (slot.generationId !== null) markSlotSaved.run(now(), slot.generationId, slot.position);
    return { id, added: true };
  });

  return {
    async store(slot, file) {
      try {
        await syncFile(file.tmpPath);
      } catch (error) {
        await unlink(file.tmpPath).catch(() => undefined);
        throw new AppFailure(
          appError('storage-failed', `The image could not be saved in the library: ${describe(error)}`),
        );
      }
      const result = commit.immediate(slot, file);
      if (result.added) options.onAdded?.(file.sha256);
      else await unlink(file.tmpPath).catch(() => undefined);
      return { image: read(result.id), added: result.added };
    },
  };
}
