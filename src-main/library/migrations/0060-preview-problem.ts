import type { Migration } from './migration';

/**
 * Thumbnails are made after an image is saved, off its critical path. When one cannot be made (a file the
 * decoder refuses, say), the image records why, so the library shows the reason instead of a broken tile.
 */
export const previewProblem: Migration = {
  version: 60,
  name: 'preview-problem',
  up(db) {
    db.exec('ALTER TABLE images ADD COLUMN preview_problem TEXT');
  },
};
