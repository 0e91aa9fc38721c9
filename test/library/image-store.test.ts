import { readFile, readdir } from 'node:fs/promises';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../src-preload/contract/errors';
import { fileExists } from '../../src-main/library/file-store';
import { addGeneration, pngBytes, stagePng, tempLibrary } from './fixtures';

describe('image store', () => {
  it('moves a staged file to its content address, with thumbnails, and records it', async () => {
    const library = await tempLibrary();
    const generationId = library.generations.create({
      kind: 'api',
      prompt: 'a big square',
      model: 'm',
      params: { size: '2048x2048' },
      requestedImages: 1,
      referenceIds: [],
      ownerPid: process.pid,
    });
    const staged = await stagePng(library, 7, 1600, 1200);
    const { image, added } = await library.imageStore.store({ generationId, position: 0 }, staged);
    expect(added).toBe(true);
    expect(image).toMatchObject({
      generationId,
      position: 0,
      sha256: staged.sha256,
      width: 1600,
      height: 1200,
    });
    expect(await fileExists(staged.tmpPath)).toBe(false);
    const stored = library.filePath(image);
    expect(stored).toContain(staged.sha256);
    expect(await readFile(stored)).toEqual(await pngBytes(7, 1600, 1200));
    await library.thumbnails.idle();
    const small = await sharp(library.thumbnailPath(image, 256)).metadata();
    const large = await sharp(library.thumbnailPath(image, 1024)).metadata();
    expect([small.format, small.width, small.height]).toEqual(['webp', 256, 192]);
    expect([large.format, large.width, large.height]).toEqual(['webp', 1024, 768]);
  });

  it('never enlarges a small image for its thumbnails', async () => {
    const library = await tempLibrary();
    const { images } = await addGeneration(library, { prompt: 'tiny' });
    const meta = await sharp(library.thumbnailPath(images[0] ?? { sha256: '' }, 1024)).metadata();
    expect([meta.width, meta.height]).toEqual([32, 24]);
  });

  it('stores a slot once: a second copy of the same slot is dropped', async () => {
    const library = await tempLibrary();
    const { generationId, images } = await addGeneration(library, { prompt: 'once' });
    const again = await stagePng(library, 4242);
    const second = await library.imageStore.store({ generationId, position: 0 }, again);
    expect(second.added).toBe(false);
    expect(second.image.id).toBe(images[0]?.id);
    expect(await fileExists(again.tmpPath)).toBe(false);
    expect(library.images.count({})).toBe(1);
  });

  it('leaves nothing visible when the record cannot be written', async () => {
    const library = await tempLibrary();
    const staged = await stagePng(library, 8);
    let failure: unknown;
    try {
      await library.imageStore.store({ generationId: 999, position: 0 }, staged);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(AppFailure);
    expect(library.images.count({})).toBe(0);
    expect(await readdir(library.paths.files)).toEqual([]);
  });

  it('stores equal content once and removes it only with its last image', async () => {
    const library = await tempLibrary();
    const first = await addGeneration(library, { prompt: 'one' }, 500);
    const second = await addGeneration(library, { prompt: 'two' }, 500);
    const [a] = first.images;
    const [b] = second.images;
    if (!a || !b) throw new Error('fixture');
    expect(a.sha256).toBe(b.sha256);
    library.operations.trash([a.id]);
    expect(library.operations.emptyTrash()).toEqual({ deleted: 1, keptAsReferences: 0 });
    expect(await fileExists(library.filePath(b))).toBe(true);
    expect(await fileExists(library.thumbnailPath(b, 256))).toBe(true);
    library.operations.trash([b.id]);
    library.operations.emptyTrash();
    expect(await fileExists(library.filePath(b))).toBe(false);
    expect(await fileExists(library.thumbnailPath(b, 256))).toBe(false);
    expect(library.images.count({ filter: { trashed: true } })).toBe(0);
    expect(library.images.list({ query: 'one' }).items).toEqual([]);
  });

  it('keeps a trashed image that a generation used as its reference', async () => {
    const library = await tempLibrary();
    const source = await addGeneration(library, { prompt: 'source' });
    const referenceId = source.images[0]?.id ?? 0;
    await addGeneration(library, { prompt: 'remix', referenceIds: [referenceId] });
    library.operations.trash([referenceId]);
    expect(library.operations.emptyTrash()).toEqual({ deleted: 0, keptAsReferences: 1 });
    expect(library.images.image(referenceId)?.trashedAt).not.toBeNull();
    expect(await fileExists(library.filePath(source.images[0] ?? { sha256: '', format: 'png' }))).toBe(true);
  });

  it('refuses a generation whose reference is not in the library', async () => {
    const library = await tempLibrary();
    expect(() =>
      library.generations.create({
        kind: 'api',
        prompt: 'x',
        model: 'm',
        params: {},
        requestedImages: 1,
        referenceIds: [12345],
        ownerPid: process.pid,
      }),
    ).toThrow(/no longer in the library/);
    expect(library.summary.stats().generations).toBe(0);
  });
});
