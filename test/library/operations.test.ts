import { describe, expect, it } from 'vitest';
import { addGeneration, tempLibrary } from './fixtures';

describe('library operations', () => {
  it('tags images case-insensitively and drops a tag left on no image', async () => {
    const library = await tempLibrary();
    const { images } = await addGeneration(library, { prompt: 'p', images: 3 });
    const [a, b, c] = images.map((image) => image.id);
    const tag = library.operations.addTag([a ?? 0, b ?? 0], '  Sky ');
    expect(tag).toMatchObject({ name: 'Sky', imageCount: 2 });
    expect(library.operations.addTag([c ?? 0], 'sky')).toMatchObject({ id: tag.id, imageCount: 3 });
    expect(library.summary.tags()).toEqual([{ id: tag.id, name: 'Sky', imageCount: 3 }]);
    library.operations.removeTag([a ?? 0, b ?? 0], tag.id);
    expect(library.summary.tags()).toEqual([{ id: tag.id, name: 'Sky', imageCount: 1 }]);
    library.operations.removeTag([c ?? 0], tag.id);
    expect(library.summary.tags()).toEqual([]);
    expect(() => library.operations.addTag([a ?? 0], '   ')).toThrow(/1 to 200 characters/);
  });

  it('creates, renames, fills, empties and deletes collections without touching images', async () => {
    const library = await tempLibrary({ now: () => 5_000 });
    const { images } = await addGeneration(library, { prompt: 'p', images: 2 });
    const imageIds = images.map((image) => image.id);
    const travel = library.operations.createCollection('Travel');
    const work = library.operations.createCollection('Work');
    expect(travel).toEqual({ id: travel.id, name: 'Travel', imageCount: 0, createdAt: 5_000 });
    expect(() => library.operations.createCollection('travel')).toThrow(/already exists/);
    expect(() => library.operations.renameCollection(work.id, 'TRAVEL')).toThrow(/already exists/);
    expect(library.operations.renameCollection(work.id, 'Jobs')).toMatchObject({ name: 'Jobs' });
    expect(() => library.operations.renameCollection(9999, 'Nothing')).toThrow(/no longer exists/);

    library.operations.addToCollection(travel.id, imageIds);
    library.operations.addToCollection(work.id, imageIds.slice(0, 1));
    library.operations.addToCollection(travel.id, imageIds);
    expect(library.summary.collections().map((c) => [c.name, c.imageCount])).toEqual([
      ['Jobs', 1],
      ['Travel', 2],
    ]);
    const detail = library.details.detail(imageIds[0] ?? 0);
    expect(detail?.collections.map((c) => c.name)).toEqual(['Jobs', 'Travel']);

    library.operations.removeFromCollection(travel.id, imageIds.slice(1));
    expect(library.summary.collections().find((c) => c.id === travel.id)?.imageCount).toBe(1);
    library.operations.deleteCollection(travel.id);
    expect(library.summary.collections().map((c) => c.name)).toEqual(['Jobs']);
    expect(library.images.count({})).toBe(2);
  });

  it('trashes with undo and counts the trash apart', async () => {
    const library = await tempLibrary();
    const { images } = await addGeneration(library, { prompt: 'p', images: 2 });
    const [a] = images;
    if (!a) throw new Error('fixture');
    library.operations.trash([a.id]);
    let stats = library.summary.stats();
    expect([stats.images, stats.trashedImages, stats.trashedBytes]).toEqual([1, 1, a.bytes]);
    library.operations.restore([a.id]);
    stats = library.summary.stats();
    expect([stats.images, stats.trashedImages]).toEqual([2, 0]);
  });

  it('sums usage over generations', async () => {
    const library = await tempLibrary();
    await addGeneration(library, { prompt: 'p', images: 2 });
    await addGeneration(library, { prompt: 'q', images: 1 });
    const stats = library.summary.stats();
    expect(stats).toMatchObject({
      images: 3,
      generations: 2,
      failedGenerations: 0,
      usage: { generatedImages: 3, outputTokens: 32_768, totalTokens: 32_768 },
      damagedImages: 0,
      pendingDownloads: 0,
    });
    expect(stats.bytes).toBeGreaterThan(0);
  });

  it('shows lineage both ways in an image detail', async () => {
    const library = await tempLibrary();
    const source = await addGeneration(library, { prompt: 'source', images: 2 });
    const [s0, s1] = source.images;
    if (!s0 || !s1) throw new Error('fixture');
    const remix = await addGeneration(library, { prompt: 'remix', images: 2, referenceIds: [s1.id, s0.id] });
    const detail = library.details.detail(remix.images[0]?.id ?? 0);
    expect(detail?.references.map((image) => image.id)).toEqual([s1.id, s0.id]);
    expect(library.details.references(remix.generationId)).toEqual(detail?.references);
    expect(library.details.references(source.generationId)).toEqual([]);
    expect(detail?.generation).toMatchObject({
      id: remix.generationId,
      kind: 'api',
      prompt: 'remix',
      status: 'succeeded',
      params: { prompt: 'remix', size: '2048x2048', watermark: false },
      usage: { generatedImages: 2 },
      error: null,
      slots: [],
    });
    const sourceDetail = library.details.detail(s0.id);
    expect(sourceDetail?.derived.map((image) => image.id)).toEqual(
      remix.images.map((image) => image.id).reverse(),
    );
    expect(sourceDetail?.references).toEqual([]);
    expect(library.details.detail(424242)).toBeUndefined();
  });
});
