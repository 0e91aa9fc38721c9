import { AppFailure, appError } from '../../src-preload/contract/errors';
import { imageColumns, imagesWithPrompt, promptJoin, toImageRecord, type ImageRow } from './catalog-rows';
import type { ReadableDb } from './database';
import { cleanName, withUniqueName } from './names';
import type { ImageRecord } from './records';
import type { WriteContext } from './write-context';

export interface ReferenceSetRecord {
  id: number;
  name: string;
  images: ImageRecord[];
  createdAt: number;
  updatedAt: number;
}

export interface SetUseRecord {
  generationId: number;
  prompt: string;
  model: string;
  createdAt: number;
  image: ImageRecord | null;
}

export interface ReferenceSetStore {
  list(): ReferenceSetRecord[];
  save(set: { id?: number; name: string; imageIds: readonly number[] }): ReferenceSetRecord;
  remove(id: number): void;
  /** Generations sent with exactly the set's images (in any order), newest first. */
  uses(id: number, limit?: number): SetUseRecord[];
}

interface SetRow {
  id: number;
  name: string;
  createdAt: number;
  updatedAt: number;
}

export function createReferenceSetStore(ctx: WriteContext, reader: ReadableDb): ReferenceSetStore {
  const { writer: db, now } = ctx;
  const sets = reader.prepare<[], SetRow>(
    'SELECT id, name, created_at AS createdAt, updated_at AS updatedAt FROM reference_sets ORDER BY name',
  );
  const setById = db.prepare<[number], SetRow>(
    'SELECT id, name, created_at AS createdAt, updated_at AS updatedAt FROM reference_sets WHERE id = ?',
  );
  const imagesOf = (connection: ReadableDb) =>
    connection.prepare<[number], ImageRow>(
      `SELECT ${imageColumns} FROM reference_set_images r JOIN images i ON i.id = r.image_id ${promptJoin}
       WHERE r.set_id = ? ORDER BY r.position`,
    );
  const readerImages = imagesOf(reader);
  const writerImages = imagesOf(db);
  const imageExists = db.prepare<[number], { id: number }>('SELECT id FROM images WHERE id = ?');
  const insertSet = db.prepare('INSERT INTO reference_sets (name, created_at, updated_at) VALUES (?, ?, ?)');
  const renameSet = db.prepare('UPDATE reference_sets SET name = ?, updated_at = ? WHERE id = ?');
  const clearImages = db.prepare('DELETE FROM reference_set_images WHERE set_id = ?');
  const addImage = db.prepare(
    'INSERT INTO reference_set_images (set_id, position, image_id) VALUES (?, ?, ?)',
  );
  const removeSet = db.prepare('DELETE FROM reference_sets WHERE id = ?');
  const setImageIds = reader.prepare<[number], { imageId: number }>(
    'SELECT DISTINCT image_id AS imageId FROM reference_set_images WHERE set_id = ?',
  );
  const firstImage = reader.prepare<[number], ImageRow>(
    `SELECT ${imageColumns} FROM ${imagesWithPrompt} WHERE i.generation_id = ? ORDER BY i.position LIMIT 1`,
  );

  const record = (row: SetRow, connection: 'reader' | 'writer'): ReferenceSetRecord => ({
    ...row,
    images: (connection === 'reader' ? readerImages : writerImages).all(row.id).map(toImageRecord),
  });

  return {
    list: () => sets.all().map((row) => record(row, 'reader')),
    save(set) {
      const name = cleanName(set.name, 'reference set');
      return withUniqueName(name, 'reference set', () =>
        db
          .transaction(() => {
            let id = set.id;
            if (id === undefined) id = Number(insertSet.run(name, now(), now()).lastInsertRowid);
            else if (renameSet.run(name, now(), id).changes === 0) {
              throw new AppFailure(appError('not-found', 'That reference set no longer exists.'));
            }
            clearImages.run(id);
            set.imageIds.forEach((imageId, position) => {
              if (!imageExists.get(imageId)) {
                throw new AppFailure(
                  appError('not-found', 'An image of the set is no longer in the library.'),
                );
              }
              addImage.run(id, position, imageId);
            });
            const row = setById.get(id);
            if (!row) throw new Error('A reference set vanished inside its own transaction.');
            return record(row, 'writer');
          })
          .immediate(),
      );
    },
    remove(id) {
      removeSet.run(id);
    },
    uses(id, limit = 50) {
      const imageIds = setImageIds.all(id).map((row) => row.imageId);
      if (imageIds.length === 0) return [];
      // Bound parameters only: one placeholder per image (a set holds at most 14).
      const placeholders = imageIds.map(() => '?').join(', ');
      const rows = reader
        .prepare<unknown[], { generationId: number; prompt: string; model: string; createdAt: number }>(
          `SELECT g.id AS generationId, g.prompt, g.model, g.created_at AS createdAt
           FROM generations g WHERE g.id IN (
             SELECT r.generation_id FROM generation_references r WHERE r.image_id IN (${placeholders})
             GROUP BY r.generation_id HAVING count(DISTINCT r.image_id) = ?
           ) AND (SELECT count(DISTINCT x.image_id) FROM generation_references x WHERE x.generation_id = g.id) = ?
           ORDER BY g.id DESC LIMIT ?`,
        )
        .all(...imageIds, imageIds.length, imageIds.length, limit);
      return rows.map((row) => {
        const image = firstImage.get(row.generationId);
        return { ...row, image: image ? toImageRecord(image) : null };
      });
    },
  };
}
