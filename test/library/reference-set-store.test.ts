import { describe, expect, it } from 'vitest';
import { addGeneration, tempLibrary } from './fixtures';

describe('reference sets', () => {
  it('keeps library images in order, edits them, and lists sets by name', async () => {
    const library = await tempLibrary();
    const { images } = await addGeneration(library, { prompt: 'characters', images: 3 });
    const [a, b, c] = images.map((image) => image.id);
    if (a === undefined || b === undefined || c === undefined) throw new Error('three images expected');
    const hero = library.referenceSets.save({ name: 'Hero', imageIds: [c, a] });
    expect(hero.images.map((image) => image.id)).toEqual([c, a]);
    expect(hero.images[0]?.prompt).toBe('characters');
    library.referenceSets.save({ name: 'Background', imageIds: [b] });
    const edited = library.referenceSets.save({ id: hero.id, name: 'Hero v2', imageIds: [a, b, c] });
    expect(edited.images.map((image) => image.id)).toEqual([a, b, c]);
    expect(library.referenceSets.list().map((set) => set.name)).toEqual(['Background', 'Hero v2']);
    expect(() => library.referenceSets.save({ name: 'hero V2', imageIds: [a] })).toThrow(/already exists/);
    expect(() => library.referenceSets.save({ name: 'Gone', imageIds: [999] })).toThrow(
      /no longer in the library/,
    );
    expect(library.referenceSets.list()).toHaveLength(2);
    library.referenceSets.remove(hero.id);
    expect(library.referenceSets.list().map((set) => set.name)).toEqual(['Background']);
  });

  it('shows the generations sent with exactly its images, newest first', async () => {
    const library = await tempLibrary();
    const { images } = await addGeneration(library, { prompt: 'refs', images: 3 });
    const [a, b, c] = images.map((image) => image.id);
    if (a === undefined || b === undefined || c === undefined) throw new Error('three images expected');
    const set = library.referenceSets.save({ name: 'Pair', imageIds: [a, b] });
    const first = await addGeneration(library, { prompt: 'with the pair', referenceIds: [a, b] });
    await addGeneration(library, { prompt: 'only one', referenceIds: [a] });
    await addGeneration(library, { prompt: 'pair and more', referenceIds: [a, b, c] });
    const second = await addGeneration(library, { prompt: 'pair reversed 一对', referenceIds: [b, a] });
    const uses = library.referenceSets.uses(set.id);
    expect(uses.map((use) => use.generationId)).toEqual([second.generationId, first.generationId]);
    expect(uses[0]).toMatchObject({ prompt: 'pair reversed 一对', image: { id: second.images[0]?.id } });
  });

  it('loses an image deleted for good, and nothing else', async () => {
    const library = await tempLibrary();
    const { images } = await addGeneration(library, { prompt: 'refs', images: 2 });
    const [a, b] = images.map((image) => image.id);
    if (a === undefined || b === undefined) throw new Error('two images expected');
    library.referenceSets.save({ name: 'Set', imageIds: [a, b] });
    library.operations.trash([b]);
    library.operations.emptyTrash();
    expect(library.referenceSets.list()[0]?.images.map((image) => image.id)).toEqual([a]);
  });
});
