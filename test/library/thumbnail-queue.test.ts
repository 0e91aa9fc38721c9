import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { fileExists, type StagedFile } from '../../src-main/library/file-store';
import type { Library } from '../../src-main/library/library';
import { createThumbnailQueue } from '../../src-main/library/thumbnail-queue';
import { createMediaHandler } from '../../src-main/media/media-handler';
import { addGeneration, pngBytes, stagePng, tempLibrary } from './fixtures';

/** Stores a staged file as the single image of a new generation. */
async function storeOne(library: Library, staged: StagedFile) {
  const generationId = library.generations.create({
    kind: 'api',
    prompt: 'thumbnail test',
    model: 'm',
    params: {},
    requestedImages: 1,
    referenceIds: [],
    ownerPid: process.pid,
  });
  return (await library.imageStore.store({ generationId, position: 0 }, staged)).image;
}

/** A PNG whose header is whole (so it is stored, 640x480) but whose pixel data no decoder can read. */
async function stageUndecodable(library: Library): Promise<StagedFile> {
  const good = await pngBytes(77, 640, 480);
  const iend = good.subarray(good.length - 12);
  const bytes = Buffer.concat([
    good.subarray(0, 33),
    Buffer.from('IDAT-not-really-zlib'),
    Buffer.alloc(64, 7),
    iend,
  ]);
  const tmpPath = path.join(library.context.tmpDir, 'broken.png');
  await writeFile(tmpPath, bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { tmpPath, sha256, bytes: bytes.length, format: 'png', width: 640, height: 480 };
}

describe('thumbnails off the critical path', () => {
  it('counts an image saved once its file and row are in, before any thumbnail exists', async () => {
    const library = await tempLibrary();
    const image = await storeOne(library, await stagePng(library, 5, 3000, 2000));
    expect(await fileExists(library.filePath(image))).toBe(true);
    expect(library.images.image(image.id)).toBeDefined();
    expect(await fileExists(library.thumbnailPath(image, 256))).toBe(false);
    await library.thumbnails.idle();
    expect(await fileExists(library.thumbnailPath(image, 256))).toBe(true);
    expect(await fileExists(library.thumbnailPath(image, 1024))).toBe(true);
  });

  it('makes none in the background for the command line, and makes them when asked', async () => {
    const library = await tempLibrary({ thumbnails: 'on-demand' });
    const image = await storeOne(library, await stagePng(library, 6));
    await library.thumbnails.idle();
    expect(await fileExists(library.thumbnailPath(image, 256))).toBe(false);
    expect(await library.thumbnails.ensure(image.sha256)).toBe(true);
    expect(await fileExists(library.thumbnailPath(image, 256))).toBe(true);
  });

  it('makes a thumbnail someone waits for before the ones scheduled earlier', async () => {
    const library = await tempLibrary({ thumbnails: 'on-demand' });
    const images = [];
    for (let seed = 10; seed < 14; seed += 1)
      images.push(await storeOne(library, await stagePng(library, seed, 1500, 1000)));
    const queue = createThumbnailQueue(library.context, { concurrency: 1 });
    for (const image of images) queue.schedule(image.sha256);
    const last = images[3];
    if (!last) throw new Error('fixture');
    expect(await queue.ensure(last.sha256)).toBe(true);
    // The first was already running; the two between wait behind the one on screen.
    expect(await fileExists(library.thumbnailPath(images[1] ?? last, 256))).toBe(false);
    expect(await fileExists(library.thumbnailPath(images[2] ?? last, 256))).toBe(false);
    await queue.idle();
    for (const image of images) expect(await fileExists(library.thumbnailPath(image, 1024))).toBe(true);
  });

  it('marks an image whose thumbnail cannot be made with the reason, keeps it saved, and says so', async () => {
    const marked: string[] = [];
    const library = await tempLibrary({ thumbnails: 'on-demand' });
    const queue = createThumbnailQueue(library.context);
    queue.subscribe((sha256) => marked.push(sha256));
    const image = await storeOne(library, await stageUndecodable(library));
    expect(await queue.ensure(image.sha256)).toBe(false);
    const stored = library.images.image(image.id);
    expect(stored?.previewProblem).toMatch(
      /^No preview could be made of this image: its image data cannot be read, so the file may be damaged \(.+\)\.$/,
    );
    expect(stored?.fileState).toBe('ok');
    expect(marked).toEqual([image.sha256]);
    expect(await fileExists(library.thumbnailPath(image, 256))).toBe(false);
    // A full check tries again and still finds nothing it can make, without hiding the mark.
    expect((await library.check(true)).missingThumbnails).toBe(0);
    expect(library.images.image(image.id)?.previewProblem).not.toBeNull();
  });

  it('clears the mark once the thumbnail is made after all', async () => {
    const library = await tempLibrary();
    const { images } = await addGeneration(library, { prompt: 'fine' });
    const [image] = images;
    if (!image) throw new Error('fixture');
    library.context.writer
      .prepare('UPDATE images SET preview_problem = ? WHERE id = ?')
      .run('No preview could be made of this image: a disk was full.', image.id);
    await library.check(true);
    expect(library.images.image(image.id)?.previewProblem).toBe(
      'No preview could be made of this image: a disk was full.',
    );
    expect(await library.thumbnails.ensure(image.sha256)).toBe(true);
    expect(library.images.image(image.id)?.previewProblem).toBeNull();
  });

  it('serves a thumbnail not made yet by making it on request, and nothing else that is missing', async () => {
    const library = await tempLibrary({ thumbnails: 'on-demand' });
    const image = await storeOne(library, await stagePng(library, 21, 900, 600));
    const handler = createMediaHandler({
      rootDir: library.paths.root,
      mountPath: '/',
      host: 'library',
      makeMissing: (relativePath) => library.thumbnails.makeMissing(relativePath),
    });
    const url = (file: string) =>
      `seedream-media://library/${path.relative(library.paths.root, file).split(path.sep).join('/')}`;
    const response = await handler(new Request(url(library.thumbnailPath(image, 256))));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect((await sharp(Buffer.from(await response.arrayBuffer())).metadata()).width).toBe(256);
    const elsewhere = await handler(
      new Request(url(path.join(library.paths.files, 'ab', `${'ab'.repeat(32)}.png`))),
    );
    expect(elsewhere.status).toBe(404);
    const unknown = await handler(new Request(url(library.thumbnailPath({ sha256: 'cd'.repeat(32) }, 256))));
    expect(unknown.status).toBe(404);
  });
});
