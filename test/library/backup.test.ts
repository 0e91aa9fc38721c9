import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestFileName, restoreLibrary } from '../../src-main/library/backup';
import { checkIntegrity } from '../../src-main/library/integrity';
import { openLibrary } from '../../src-main/library/library';
import { latestSchemaVersion } from '../../src-main/library/migrations';
import { addGeneration, tempDir, tempLibrary } from './fixtures';
import { nativeCodec } from '../support/codecs';

describe('backup and restore', () => {
  it('writes a folder that opens as the same library, and copies only what is new next time', async () => {
    const library = await tempLibrary();
    await addGeneration(library, { prompt: '备份 backup', images: 2 });
    const dir = await tempDir();
    const first = await library.backup(dir);
    expect(first).toMatchObject({ images: 2, files: 2, copied: 2 });
    const manifest = JSON.parse(await readFile(path.join(dir, manifestFileName), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest).toMatchObject({ app: 'Seedream Studio', schemaVersion: latestSchemaVersion, images: 2 });

    await addGeneration(library, { prompt: 'later' });
    expect(await library.backup(dir)).toMatchObject({ images: 3, files: 3, copied: 1 });

    const copy = await openLibrary({ dir, codec: nativeCodec });
    try {
      expect(copy.images.list({ query: '备份' }).items.map((image) => image.sha256)).toEqual(
        library.images.list({ query: '备份' }).items.map((image) => image.sha256),
      );
      expect((await copy.check(true)).details).toEqual([]);
    } finally {
      copy.close();
    }
  });

  it('refuses a backup folder inside the library', async () => {
    const library = await tempLibrary();
    await expect(library.backup(path.join(library.paths.root, 'backups'))).rejects.toThrow(
      /outside the library/,
    );
  });

  it('restores the catalog and files, keeping the replaced catalog and files it knew', async () => {
    const dir = await tempDir();
    const backupDir = await tempDir();
    const library = await openLibrary({ dir, codec: nativeCodec });
    const before = await addGeneration(library, { prompt: 'before backup' });
    await library.backup(backupDir);
    const after = await addGeneration(library, { prompt: 'after backup' });
    const [lostLater] = before.images;
    if (!lostLater) throw new Error('fixture');
    library.operations.trash([lostLater.id]);
    library.operations.emptyTrash();
    library.close();

    const result = await restoreLibrary(backupDir, dir);
    expect(result.images).toBe(1);
    expect(result.copied).toBe(1);
    expect(result.previousCatalog).not.toBeNull();
    expect((await stat(result.previousCatalog ?? '')).size).toBeGreaterThan(0);

    const restored = await openLibrary({ dir, codec: nativeCodec });
    try {
      expect(restored.images.list({}).items.map((image) => image.prompt)).toEqual(['before backup']);
      const report = await checkIntegrity(restored.context, {
        full: true,
        orphanGraceMs: 0,
        thumbnails: restored.thumbnails,
      });
      expect(report).toMatchObject({ missingFiles: 0, wrongHashes: 0, orphanFiles: 1 });
      const [stampDir] = await readdir(restored.paths.recovered);
      const recovered = await readdir(path.join(restored.paths.recovered, stampDir ?? ''));
      expect(recovered).toEqual([path.basename(restored.filePath(after.images[0] ?? lostLater))]);
    } finally {
      restored.close();
    }
  });

  it('refuses a folder that is not a finished backup, or one from a newer version', async () => {
    const library = await tempLibrary();
    const empty = await tempDir();
    await expect(restoreLibrary(empty, library.paths.root)).rejects.toThrow(/not a finished/);
    const newer = await tempDir();
    await library.backup(newer);
    const manifestFile = path.join(newer, manifestFileName);
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Record<string, unknown>;
    await writeFile(manifestFile, JSON.stringify({ ...manifest, schemaVersion: latestSchemaVersion + 10 }));
    await expect(restoreLibrary(newer, library.paths.root)).rejects.toMatchObject({
      appError: { code: 'library-too-new' },
    });
  });
});
