import { mkdir, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../src-main/library/integrity';
import { addGeneration, pngBytes, tempLibrary } from './fixtures';

const hourAgo = () => new Date(Date.now() - 3_600_000);

describe('integrity check', () => {
  it('finds nothing wrong in a healthy library', async () => {
    const library = await tempLibrary();
    await addGeneration(library, { prompt: 'fine', images: 2 });
    const report = await library.check(true);
    expect(report).toMatchObject({
      full: true,
      images: 2,
      files: 2,
      missingFiles: 0,
      orphanFiles: 0,
      wrongHashes: 0,
      missingThumbnails: 0,
      lostDownloads: 0,
      repaired: 0,
      catalog: 'ok',
      details: [],
    });
  });

  it('marks an image whose file went missing, and clears the mark when it comes back', async () => {
    const library = await tempLibrary();
    const { images } = await addGeneration(library, { prompt: 'gone', images: 2 });
    const [lost] = images;
    if (!lost) throw new Error('fixture');
    const file = library.filePath(lost);
    const bytes = await readFile(file);
    await rm(file);
    const report = await library.check(false);
    expect(report).toMatchObject({ missingFiles: 1, repaired: 0 });
    expect(report.details[0]).toContain(`Image ${lost.id}`);
    expect(library.images.image(lost.id)?.fileState).toBe('missing');
    expect(library.summary.stats().damagedImages).toBe(1);
    expect(library.images.count({})).toBe(2);

    await writeFile(file, bytes);
    expect(await library.check(false)).toMatchObject({ missingFiles: 0, repaired: 1 });
    expect(library.images.image(lost.id)?.fileState).toBe('ok');
  });

  it('moves old orphan files to the recovered folder and leaves fresh ones to their writer', async () => {
    const library = await tempLibrary();
    await addGeneration(library, { prompt: 'kept' });
    const shard = path.join(library.paths.files, 'ab');
    await mkdir(shard, { recursive: true });
    const old = path.join(shard, `${'ab'.padEnd(64, '0')}.png`);
    const fresh = path.join(shard, `${'ab'.padEnd(64, '1')}.png`);
    await writeFile(old, await pngBytes(1));
    await writeFile(fresh, await pngBytes(2));
    await utimes(old, hourAgo(), hourAgo());

    const report = await library.check(false);
    expect(report.orphanFiles).toBe(1);
    expect((await readdir(shard)).sort()).toEqual([path.basename(fresh)]);
    const [stampDir] = await readdir(library.paths.recovered);
    expect(await readFile(path.join(library.paths.recovered, stampDir ?? '', path.basename(old)))).toEqual(
      await pngBytes(1),
    );
    const immediate = await checkIntegrity(library.context, {
      full: false,
      orphanGraceMs: 0,
      thumbnails: library.thumbnails,
    });
    expect(immediate.orphanFiles).toBe(1);
  });

  it('finds changed bytes in a full check, keeps the file, and clears the mark once it matches again', async () => {
    const library = await tempLibrary();
    const { images } = await addGeneration(library, { prompt: 'bitrot' });
    const [image] = images;
    if (!image) throw new Error('fixture');
    const file = library.filePath(image);
    const original = await readFile(file);
    const damaged = Buffer.from(original);
    damaged[damaged.length - 20] = (damaged[damaged.length - 20] ?? 0) ^ 0xff;
    await writeFile(file, damaged);

    expect((await library.check(false)).wrongHashes).toBe(0);
    const report = await library.check(true);
    expect(report.wrongHashes).toBe(1);
    expect(library.images.image(image.id)?.fileState).toBe('corrupt');
    expect(await readFile(file)).toEqual(damaged);

    await writeFile(file, original);
    expect(await library.check(true)).toMatchObject({ wrongHashes: 0, repaired: 1 });
    expect(library.images.image(image.id)?.fileState).toBe('ok');
  });

  it('remakes missing thumbnails in a full check', async () => {
    const library = await tempLibrary();
    const { images } = await addGeneration(library, { prompt: 'thumbs' });
    const [image] = images;
    if (!image) throw new Error('fixture');
    await rm(library.thumbnailPath(image, 256));
    expect((await library.check(true)).missingThumbnails).toBe(1);
    expect((await readFile(library.thumbnailPath(image, 256))).subarray(8, 12).toString()).toBe('WEBP');
  });

  it('marks result links that expired before download as lost, with the reason', async () => {
    let clock = 10_000;
    const library = await tempLibrary({ now: () => clock });
    const generationId = library.generations.create({
      kind: 'api',
      prompt: 'late',
      model: 'm',
      params: {},
      requestedImages: 2,
      referenceIds: [],
      ownerPid: process.pid,
    });
    library.generations.recordResultUrl(generationId, 0, 'https://storage.example/a?x=1', 20_000);
    library.generations.recordResultUrl(generationId, 1, 'https://storage.example/b?x=1', 90_000);
    clock = 30_000;
    const report = await library.check(false);
    expect(report.lostDownloads).toBe(1);
    const slots = library.details.generation(generationId)?.slots;
    expect(slots?.map((slot) => slot.state)).toEqual(['lost', 'pending']);
    expect(slots?.[0]?.error).toMatchObject({ code: 'link-expired' });
    expect(slots?.[0]?.error?.message).toMatch(/expired/);
  });
});
