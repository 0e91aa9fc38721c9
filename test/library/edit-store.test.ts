import { describe, expect, it } from 'vitest';
import { emptyEditDocument } from '../../src-preload/contract/edit';
import { editVersionsQuery, maxEditVersions } from '../../src-main/library/edit-store';
import type { Library } from '../../src-main/library/library';
import { addGeneration, tempLibrary } from './fixtures';

/** An edit drawn on `baseId` that made `images` pictures, recorded as the Edit view records it. */
async function addEdit(library: Library, baseId: number, prompt: string, images = 1) {
  const made = await addGeneration(library, { prompt, images, referenceIds: [baseId] });
  library.edits.record({
    generationId: made.generationId,
    baseImageId: baseId,
    markedImageId: null,
    prompt,
    document: emptyEditDocument({ width: 32, height: 24 }),
  });
  return made;
}

/** An edit whose generation is still running (or failed, once finished with an error): no pictures. */
function addPictureless(library: Library, baseId: number, prompt: string) {
  const generationId = library.generations.create({
    kind: 'api',
    prompt,
    model: 'doubao-seedream-4-5-251128',
    params: { prompt },
    requestedImages: 1,
    referenceIds: [baseId],
    ownerPid: process.pid,
  });
  library.edits.record({
    generationId,
    baseImageId: baseId,
    markedImageId: null,
    prompt,
    document: emptyEditDocument({ width: 32, height: 24 }),
  });
  return generationId;
}

function imageOf(made: { images: { id: number }[] }): number {
  const first = made.images[0];
  if (!first) throw new Error('expected a picture');
  return first.id;
}

describe('the versions of an image, from the catalog', () => {
  it('lists the edits made from it, then from their pictures, oldest first, with the version each continues', async () => {
    const library = await tempLibrary();
    const root = imageOf(await addGeneration(library, { prompt: 'a street' }));
    const other = imageOf(await addGeneration(library, { prompt: 'another picture' }));
    const first = await addEdit(library, root, 'add a window');
    const onFirst = await addEdit(library, imageOf(first), 'make it night');
    const branch = await addEdit(library, root, 'add a door');
    await addEdit(library, other, 'not from this picture');
    const deeper = await addEdit(library, imageOf(onFirst), 'add snow');

    const versions = library.edits.versionsFrom(root);
    expect(versions.map((version) => [version.generationId, version.baseImageId])).toEqual([
      [first.generationId, root],
      [onFirst.generationId, imageOf(first)],
      [branch.generationId, root],
      [deeper.generationId, imageOf(onFirst)],
    ]);
    expect(versions.map((version) => version.baseGenerationId)).toEqual([
      library.images.image(root)?.generationId,
      first.generationId,
      library.images.image(root)?.generationId,
      onFirst.generationId,
    ]);
    expect(versions.map((version) => version.image?.id)).toEqual([
      imageOf(first),
      imageOf(onFirst),
      imageOf(branch),
      imageOf(deeper),
    ]);
    expect(versions.every((version) => !version.running && version.error === null)).toBe(true);
    // From a picture in the middle, only what was made from it.
    expect(library.edits.versionsFrom(imageOf(first)).map((version) => version.generationId)).toEqual([
      onFirst.generationId,
      deeper.generationId,
    ]);
    expect(library.edits.versionsFrom(imageOf(deeper))).toEqual([]);
  });

  it('says which edits still run or failed, and leaves out one whose pictures are all in the trash', async () => {
    const library = await tempLibrary();
    const root = imageOf(await addGeneration(library, { prompt: 'a street' }));
    const running = addPictureless(library, root, 'still running');
    const failed = addPictureless(library, root, 'refused');
    library.generations.finish(failed, {
      status: 'failed',
      error: { code: 'content-rejected', message: 'The request was refused.' },
    });
    const trashed = await addEdit(library, root, 'thrown away', 2);
    library.operations.trash(trashed.images.map((image) => image.id));
    const onTrashed = await addEdit(library, imageOf(trashed), 'made before the trash');
    const halfTrashed = await addEdit(library, root, 'one of two kept', 2);
    library.operations.trash([imageOf(halfTrashed)]);

    const versions = library.edits.versionsFrom(root);
    expect(versions.map((version) => version.generationId)).toEqual([
      running,
      failed,
      onTrashed.generationId,
      halfTrashed.generationId,
    ]);
    expect(versions[0]).toMatchObject({ running: true, image: null, error: null });
    expect(versions[1]).toMatchObject({
      running: false,
      image: null,
      error: { code: 'content-rejected', message: 'The request was refused.' },
    });
    expect(versions[2]?.baseGenerationId).toBe(trashed.generationId);
    expect(versions[3]?.image?.id).toBe(halfTrashed.images[1]?.id);
  });

  it('walks the tree through indexes, never a scan of images or edits', async () => {
    const library = await tempLibrary();
    const plan = library.catalog.reader
      .prepare<[number, number], { detail: string }>(`EXPLAIN QUERY PLAN ${editVersionsQuery}`)
      .all(1, maxEditVersions)
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toContain('generation_edits_base');
    expect(plan).toMatch(/SEARCH i USING .*INDEX sqlite_autoindex_images_1 \(generation_id=\?\)/);
    expect(plan).not.toMatch(/SCAN (i|e|generation_edits|images)\b/);
  });
});
