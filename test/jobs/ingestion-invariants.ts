import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import type { Library } from '../../src-main/library/library';
import { sha256File } from '../support/sha256-file';

/**
 * The promises of durable ingestion, checked after a process was killed and the library opened again: every
 * image has its whole file, every stored file is whole under its final name (its content's hash, so each
 * image's bytes are right), nothing is left running or pending, an image and its slot are recorded together,
 * and SQLite finds nothing wrong.
 */
export async function expectIngestionKept(library: Library, context: string): Promise<void> {
  const db = library.catalog.reader;
  const images = db
    .prepare('SELECT id, sha256, format, bytes, file_state AS fileState FROM images')
    .all() as { id: number; sha256: string; format: 'png' | 'jpeg'; bytes: number; fileState: string }[];
  for (const image of images) {
    const info = await stat(library.filePath(image)).catch(() => undefined);
    expect(info?.size, `${context}: image ${image.id} has its whole file`).toBe(image.bytes);
    expect(image.fileState, context).toBe('ok');
  }
  for (const shard of await readdir(library.paths.files)) {
    for (const name of await readdir(path.join(library.paths.files, shard))) {
      const content = await sha256File(path.join(library.paths.files, shard, name));
      expect(name.startsWith(content), `${context}: ${name} is whole under its final name`).toBe(true);
    }
  }
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  expect(
    count("SELECT count(*) AS n FROM generations WHERE status = 'running'"),
    `${context}: none running`,
  ).toBe(0);
  expect(
    count("SELECT count(*) AS n FROM result_slots WHERE state = 'pending'"),
    `${context}: links resolved`,
  ).toBe(0);
  expect(
    count(
      `SELECT count(*) AS n FROM images i JOIN result_slots s
         ON s.generation_id = i.generation_id AND s.position = i.position WHERE s.state <> 'saved'`,
    ),
    `${context}: an image and its slot are recorded together`,
  ).toBe(0);
  expect(library.catalog.writer.pragma('integrity_check', { simple: true }), context).toBe('ok');
  expect(library.catalog.writer.pragma('foreign_key_check'), context).toEqual([]);
}
