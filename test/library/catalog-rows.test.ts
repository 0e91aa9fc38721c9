import { describe, expect, it } from 'vitest';
import { createImageLookup } from '../../src-main/library/catalog-rows';
import { addGeneration, tempLibrary } from './fixtures';

describe('the image lookup', () => {
  it('reads an image with its prompt and a real boolean, the same from the reader and the writer', async () => {
    const library = await tempLibrary();
    const { images } = await addGeneration(library, { prompt: '红色的门 a red door' });
    const image = images[0];
    if (!image) throw new Error('fixture');
    library.operations.setFavorite([image.id], true);
    const fromReader = createImageLookup(library.catalog.reader)(image.id);
    expect(fromReader).toEqual({ ...image, favorite: true });
    expect(fromReader?.prompt).toBe('红色的门 a red door');
    expect(createImageLookup(library.catalog.writer)(image.id)).toEqual(fromReader);
    expect(library.images.list({}).items).toEqual([fromReader]);
    expect(createImageLookup(library.catalog.reader)(image.id + 1)).toBeUndefined();
  });
});
