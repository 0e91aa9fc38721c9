import { AppFailure, appError } from '../../src-preload/contract/errors';
import type { EmptyTrashResult } from '../../src-preload/contract/library-types';
import { collectionColumns, tagColumns } from './catalog-rows';
import type { CollectionRecord, TagRecord } from './records';
import { cleanName, withUniqueName } from './names';
import type { WriteContext } from './write-context';

export type { EmptyTrashResult };

export interface ImageOperations {
  setFavorite(ids: readonly number[], favorite: boolean): void;
  /** Adds the tag (created if new; names are case-insensitive) to the images. */
  addTag(ids: readonly number[], name: string): TagRecord;
  /** Removes the tag from the images; a tag left on no image is deleted. */
  removeTag(ids: readonly number[], tagId: number): void;
  createCollection(name: string): CollectionRecord;
  renameCollection(id: number, name: string): CollectionRecord;
  /** Deletes the collection, never its images. */
  deleteCollection(id: number): void;
  addToCollection(id: number, imageIds: readonly number[]): void;
  removeFromCollection(id: number, imageIds: readonly number[]): void;
  trash(ids: readonly number[]): void;
  /** Undoes `trash`. */
  restore(ids: readonly number[]): void;
  /** Deletes trashed images and schedules their files for removal; call `purgeFiles` afterwards. */
  emptyTrash(): EmptyTrashResult;
}

export function createImageOperations(ctx: WriteContext): ImageOperations {
  const { writer: db, now } = ctx;
  const setFavorite = db.prepare('UPDATE images SET favorite = ? WHERE id = ?');
  const findTag = db.prepare<[string], { id: number; name: string }>(
    'SELECT id, name FROM tags WHERE name = ?',
  );
  const insertTag = db.prepare('INSERT INTO tags (name, created_at) VALUES (?, ?)');
  const tagImage = db.prepare(
    'INSERT OR IGNORE INTO image_tags (tag_id, image_id) SELECT ?, id FROM images WHERE id = ?',
  );
  const untagImage = db.prepare('DELETE FROM image_tags WHERE tag_id = ? AND image_id = ?');
  const deleteUnusedTag = db.prepare(
    'DELETE FROM tags WHERE id = ? AND NOT EXISTS (SELECT 1 FROM image_tags WHERE tag_id = ?)',
  );
  const tagRecord = db.prepare<[number], TagRecord>(`SELECT ${tagColumns} FROM tags t WHERE t.id = ?`);
  const insertCollection = db.prepare('INSERT INTO collections (name, created_at) VALUES (?, ?)');
  const renameCollection = db.prepare('UPDATE collections SET name = ? WHERE id = ?');
  const deleteCollection = db.prepare('DELETE FROM collections WHERE id = ?');
  const collectionRecord = db.prepare<[number], CollectionRecord>(
    `SELECT ${collectionColumns} FROM collections c WHERE c.id = ?`,
  );
  const collect = db.prepare(
    `INSERT OR IGNORE INTO collection_images (collection_id, image_id, added_at)
     SELECT ?, id, ? FROM images WHERE id = ?`,
  );
  const uncollect = db.prepare('DELETE FROM collection_images WHERE collection_id = ? AND image_id = ?');
  const trashImage = db.prepare('UPDATE images SET trashed_at = ? WHERE id = ? AND trashed_at IS NULL');
  const restoreImage = db.prepare('UPDATE images SET trashed_at = NULL WHERE id = ?');
  const trashedImages = db.prepare<[], { id: number; sha256: string; format: string; isReference: number }>(
    `SELECT id, sha256, format,
       EXISTS (SELECT 1 FROM generation_references r WHERE r.image_id = images.id) AS isReference
     FROM images WHERE trashed_at IS NOT NULL`,
  );
  const deleteSearchText = db.prepare('DELETE FROM prompt_search WHERE rowid = ?');
  const deleteImage = db.prepare('DELETE FROM images WHERE id = ?');
  const schedulePurge = db.prepare(
    `INSERT OR IGNORE INTO file_purges (sha256, format)
     SELECT @sha256, @format WHERE NOT EXISTS (SELECT 1 FROM images WHERE sha256 = @sha256)`,
  );

  const collection = (id: number): CollectionRecord => {
    const record = collectionRecord.get(id);
    if (!record) throw new AppFailure(appError('not-found', 'That collection no longer exists.'));
    return record;
  };
  const forEach = (ids: readonly number[], run: (id: number) => unknown) => {
    db.transaction(() => {
      for (const id of ids) run(id);
    }).immediate();
  };
  return {
    setFavorite(ids, favorite) {
      forEach(ids, (id) => setFavorite.run(favorite ? 1 : 0, id));
    },
    addTag(ids, rawName) {
      const name = cleanName(rawName, 'tag');
      return db
        .transaction(() => {
          const tagId = findTag.get(name)?.id ?? Number(insertTag.run(name, now()).lastInsertRowid);
          for (const id of ids) tagImage.run(tagId, id);
          const record = tagRecord.get(tagId);
          if (!record) throw new Error('A tag vanished inside its own transaction.');
          return record;
        })
        .immediate();
    },
    removeTag(ids, tagId) {
      db.transaction(() => {
        for (const id of ids) untagImage.run(tagId, id);
        deleteUnusedTag.run(tagId, tagId);
      }).immediate();
    },
    createCollection(rawName) {
      const name = cleanName(rawName, 'collection');
      return withUniqueName(name, 'collection', () =>
        collection(Number(insertCollection.run(name, now()).lastInsertRowid)),
      );
    },
    renameCollection(id, rawName) {
      const name = cleanName(rawName, 'collection');
      return withUniqueName(name, 'collection', () => {
        renameCollection.run(name, id);
        return collection(id);
      });
    },
    deleteCollection(id) {
      deleteCollection.run(id);
    },
    addToCollection(id, imageIds) {
      collection(id);
      const at = now();
      forEach(imageIds, (imageId) => collect.run(id, at, imageId));
    },
    removeFromCollection(id, imageIds) {
      forEach(imageIds, (imageId) => uncollect.run(id, imageId));
    },
    trash(ids) {
      const at = now();
      forEach(ids, (id) => trashImage.run(at, id));
    },
    restore(ids) {
      forEach(ids, (id) => restoreImage.run(id));
    },
    emptyTrash() {
      return db
        .transaction(() => {
          let deleted = 0;
          let keptAsReferences = 0;
          const files = new Map<string, string>();
          for (const image of trashedImages.all()) {
            if (image.isReference === 1) {
              keptAsReferences += 1;
              continue;
            }
            deleteSearchText.run(image.id);
            deleteImage.run(image.id);
            files.set(image.sha256, image.format);
            deleted += 1;
          }
          for (const [sha256, format] of files) schedulePurge.run({ sha256, format });
          return { deleted, keptAsReferences };
        })
        .immediate();
    },
  };
}
