import { describe, expect, it } from 'vitest';
import type { Library } from '../../src-main/library/library';
import type { ImageQuery } from '../../src-main/library/image-queries';
import type { ImageRecord } from '../../src-main/library/records';
import { addGeneration, stagePng, tempLibrary } from './fixtures';

function allPages(library: Library, query: ImageQuery): ImageRecord[] {
  const seen: ImageRecord[] = [];
  let cursor: string | null = null;
  for (;;) {
    const page = library.images.list({ ...query, cursor });
    seen.push(...page.items);
    if (page.nextCursor === null) return seen;
    cursor = page.nextCursor;
  }
}

const ids = (images: readonly ImageRecord[]) => images.map((image) => image.id);

describe('listing', () => {
  it('pages newest first with a cursor, every image exactly once', async () => {
    const library = await tempLibrary();
    const made: number[] = [];
    for (let index = 0; index < 7; index += 1) {
      const { images } = await addGeneration(library, {
        prompt: `picture ${index}`,
        images: 1 + (index % 3),
      });
      made.push(...ids(images));
    }
    const newest = allPages(library, { limit: 3 });
    expect(ids(newest)).toEqual([...made].reverse());
    expect(ids(allPages(library, { limit: 4, sort: 'oldest' }))).toEqual(made);
    const first = library.images.list({ limit: made.length });
    expect(first.nextCursor).toBeNull();
    expect(library.images.count({})).toBe(made.length);
  });

  it('counts the library and the trash from kept totals, and anything else only up to a limit', async () => {
    const library = await tempLibrary();
    const made: number[] = [];
    for (let index = 0; index < 5; index += 1) {
      const { images } = await addGeneration(library, { prompt: `a cat ${index}`, images: 2 });
      made.push(...ids(images));
    }
    library.operations.trash(made.slice(0, 3));
    expect(library.images.countUpTo({}, 2)).toEqual({ count: 7, atLeast: false });
    expect(library.images.countUpTo({ filter: { trashed: true } }, 2)).toEqual({ count: 3, atLeast: false });
    expect(library.images.countUpTo({ query: 'cat' }, 5)).toEqual({ count: 5, atLeast: true });
    expect(library.images.countUpTo({ query: 'cat' }, 7)).toEqual({ count: 7, atLeast: false });
    expect(library.images.count({ query: 'cat' })).toBe(7);

    // The kept totals are one row; a search visits its matches newest first and stops at the limit.
    const kept = library.images.explainCount({}, 100).join('\n');
    expect(kept).toContain('catalog_totals');
    expect(kept).not.toMatch(/SCAN (i|images)\b/);
    const search = library.images.explainCount({ query: 'cat' }, 100).join('\n');
    expect(search).toContain('SCAN s VIRTUAL TABLE');
    expect(search).not.toContain('TEMP B-TREE');
  });

  it('returns plain records with the prompt and model of their generation', async () => {
    const library = await tempLibrary({ now: () => 1_700_000_000_000 });
    const { images, generationId } = await addGeneration(library, {
      prompt: 'lighthouse at dusk',
      model: 'doubao-seedream-4-0-250828',
      images: 2,
    });
    const [image] = library.images.list({ limit: 1 }).items;
    expect(image).toEqual({
      id: images[1]?.id,
      generationId,
      position: 1,
      sha256: images[1]?.sha256,
      width: 32,
      height: 24,
      format: 'png',
      bytes: images[1]?.bytes,
      favorite: false,
      createdAt: 1_700_000_000_000,
      trashedAt: null,
      fileState: 'ok',
      previewProblem: null,
      prompt: 'lighthouse at dusk',
      model: 'doubao-seedream-4-0-250828',
    });
    expect(JSON.parse(JSON.stringify(image))).toEqual(image);
  });

  it('refuses a cursor it did not make', async () => {
    const library = await tempLibrary();
    expect(() => library.images.list({ cursor: '1 OR 1=1' })).toThrow(/no longer valid/);
  });

  it('filters by model, favorite, tag, collection, references, pixels, date and trash', async () => {
    let clock = 1_000;
    const library = await tempLibrary({ now: () => clock });
    const fox = await addGeneration(library, { prompt: 'fox', model: 'model-a', images: 2 });
    clock = 2_000;
    const cat = await addGeneration(library, { prompt: 'cat', model: 'model-b', images: 1 });
    clock = 3_000;
    const foxId = fox.images[0]?.id ?? 0;
    const remix = await addGeneration(library, {
      prompt: 'fox remix',
      model: 'model-b',
      referenceIds: [foxId],
    });
    const big = await library.imageStore.store(
      { generationId: null, position: 0 },
      await stagePng(library, 999, 64, 64),
    );

    const [a0, a1] = ids(fox.images);
    const [b0] = ids(cat.images);
    const [r0] = ids(remix.images);
    const list = (filter: ImageQuery['filter']) => ids(library.images.list({ filter }).items);

    expect(list({ model: 'model-a' })).toEqual([a1, a0]);
    expect(list({ model: 'model-b' })).toEqual([r0, b0]);

    library.operations.setFavorite([a0 ?? 0, b0 ?? 0], true);
    expect(list({ favorite: true })).toEqual([b0, a0]);
    expect(list({ favorite: false })).toEqual([big.image.id, r0, a1]);

    const tag = library.operations.addTag([a1 ?? 0, r0 ?? 0], 'Keep');
    expect(tag).toMatchObject({ name: 'Keep', imageCount: 2 });
    expect(list({ tagId: tag.id })).toEqual([r0, a1]);
    expect(list({ tagId: tag.id, model: 'model-a' })).toEqual([a1]);

    const collection = library.operations.createCollection('Portfolio');
    library.operations.addToCollection(collection.id, [a0 ?? 0, r0 ?? 0, 424_242]);
    expect(list({ collectionId: collection.id })).toEqual([r0, a0]);
    expect(list({ collectionId: collection.id, tagId: tag.id })).toEqual([r0]);

    expect(list({ hasReferences: true })).toEqual([r0]);
    expect(list({ minPixels: 64 * 64 })).toEqual([big.image.id]);
    expect(list({ maxPixels: 32 * 24, model: 'model-b' })).toEqual([r0, b0]);

    expect(list({ from: 2_000, to: 3_000 })).toEqual([b0]);
    expect(list({ from: 2_500 })).toEqual([big.image.id, r0]);
    expect(list({ to: 1_500 })).toEqual([a1, a0]);
    expect(list({ from: 9_000 })).toEqual([]);

    library.operations.trash([a1 ?? 0]);
    expect(list({ model: 'model-a' })).toEqual([a0]);
    expect(list({ trashed: true })).toEqual([a1]);
    library.operations.restore([a1 ?? 0]);
    expect(list({ trashed: true })).toEqual([]);
    expect(library.images.count({ filter: { model: 'model-a' } })).toBe(2);
  });

  it('never stamps an image earlier than the one before, even when the clock goes back', async () => {
    let clock = 5_000;
    const library = await tempLibrary({ now: () => clock });
    const first = await addGeneration(library, { prompt: 'before' });
    clock = 1_000;
    const second = await addGeneration(library, { prompt: 'after a clock change' });
    expect(second.images[0]?.createdAt).toBe(5_000);
    expect(ids(library.images.list({ filter: { from: 5_000 } }).items)).toEqual([
      ...ids(second.images),
      ...ids(first.images),
    ]);
  });

  it('knows the models in use', async () => {
    const library = await tempLibrary();
    await addGeneration(library, { prompt: 'x', model: 'model-b' });
    await addGeneration(library, { prompt: 'y', model: 'model-a' });
    await addGeneration(library, { prompt: 'z', model: 'model-b' });
    await library.imageStore.store({ generationId: null, position: 0 }, await stagePng(library, 5));
    expect(library.images.models()).toEqual(['model-a', 'model-b']);
  });

  it('walks an index in page order for every kind of page, never sorting', async () => {
    const library = await tempLibrary();
    const cases: [ImageQuery, string][] = [
      [{}, 'SCAN i'],
      [{ cursor: '10' }, 'SEARCH i USING INTEGER PRIMARY KEY (rowid<?)'],
      [{ filter: { model: 'm' } }, 'images_model'],
      [{ filter: { favorite: true } }, 'images_favorite'],
      [{ filter: { tagId: 1 } }, 'SEARCH d USING PRIMARY KEY (tag_id=?)'],
      [{ filter: { collectionId: 1 } }, 'SEARCH d USING PRIMARY KEY (collection_id=?)'],
      [{ filter: { hasReferences: true } }, 'images_with_references'],
      [{ query: 'fox' }, 'VIRTUAL TABLE INDEX 192'],
      [{ query: '猫', filter: { favorite: true, tagId: 1 } }, 'VIRTUAL TABLE'],
      [{ query: 'fox', cursor: '10', sort: 'oldest' }, 'VIRTUAL TABLE'],
    ];
    for (const [query, expected] of cases) {
      const plan = library.images.explain(query).join('\n');
      expect(plan, JSON.stringify(query)).toContain(expected);
      expect(plan, JSON.stringify(query)).not.toContain('TEMP B-TREE');
    }
  });
});

describe('prompt search', () => {
  async function searchLibrary() {
    const library = await tempLibrary();
    const prompts = [
      'A cat sleeping on a sunny windowsill',
      '一只可爱的小猫坐在窗台上，阳光明媚',
      'Cyberpunk city at night with neon lights',
      '赛博朋克风格的城市夜景，霓虹灯',
      'Portrait of a woman, 水彩画 style',
      'Two cats playing in the garden',
    ];
    const byPrompt = new Map<string, number>();
    for (const prompt of prompts) {
      const { images } = await addGeneration(library, { prompt });
      byPrompt.set(prompt, images[0]?.id ?? 0);
    }
    const search = (query: string) =>
      library.images.list({ query }).items.map((image) => prompts.indexOf(image.prompt));
    return { library, search };
  }

  it('finds English words, stemmed, case-insensitive, newest first', async () => {
    const { search } = await searchLibrary();
    expect(search('cat')).toEqual([5, 0]);
    expect(search('CATS')).toEqual([5, 0]);
    expect(search('neon city')).toEqual([2]);
    expect(search('dog')).toEqual([]);
  });

  it('finds Chinese substrings of one, two and more characters', async () => {
    const { search } = await searchLibrary();
    expect(search('猫')).toEqual([1]);
    expect(search('小猫')).toEqual([1]);
    expect(search('城市')).toEqual([3]);
    expect(search('赛博朋克')).toEqual([3]);
    expect(search('博朋克风格')).toEqual([3]);
    // Every character of these is in that prompt, but not in this order or next to each other.
    expect(search('赛博城市')).toEqual([]);
    expect(search('克朋博赛')).toEqual([]);
    expect(search('市城')).toEqual([]);
    expect(search('水彩')).toEqual([4]);
    expect(search('水彩 woman')).toEqual([4]);
  });

  it('treats search syntax as plain text', async () => {
    const { search } = await searchLibrary();
    expect(search('cat OR dog')).toEqual([]);
    expect(search('"cat')).toEqual([5, 0]);
    expect(search('NEAR(cat neon)')).toEqual([]);
    expect(search('*')).toEqual([0, 1, 2, 3, 4, 5].reverse());
  });

  it('combines search with filters, paging and counting', async () => {
    const { library } = await searchLibrary();
    const first = library.images.list({ query: 'cat', limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = library.images.list({ query: 'cat', limit: 1, cursor: first.nextCursor });
    expect(second.items[0]?.prompt).toBe('A cat sleeping on a sunny windowsill');
    expect(second.nextCursor).toBeNull();
    library.operations.setFavorite([second.items[0]?.id ?? 0], true);
    expect(library.images.list({ query: 'cat', filter: { favorite: true } }).items).toEqual([
      { ...second.items[0], favorite: true },
    ]);
    expect(library.images.count({ query: 'cat' })).toBe(2);
  });
});
