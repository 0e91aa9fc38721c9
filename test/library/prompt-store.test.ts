import { describe, expect, it } from 'vitest';
import { addGeneration, tempLibrary } from './fixtures';

describe('prompt history', () => {
  it('lists prompts sent, newest use first, each once, and stops at the limit', async () => {
    const library = await tempLibrary();
    await addGeneration(library, { prompt: 'a red fox' });
    await addGeneration(library, { prompt: '一只小猫坐在窗台' });
    await addGeneration(library, { prompt: 'a red fox' });
    const history = library.prompts.history(undefined, 10);
    expect(history.map((entry) => entry.prompt)).toEqual(['a red fox', '一只小猫坐在窗台']);
    expect(history[0]?.generationId).toBe(3);
    expect(library.prompts.history(undefined, 1)).toHaveLength(1);
  });

  it('searches with the library prompt index, in English and Chinese', async () => {
    const library = await tempLibrary();
    await addGeneration(library, { prompt: 'foxes in the snow' });
    await addGeneration(library, { prompt: '一只小猫坐在窗台' });
    await addGeneration(library, { prompt: 'a lighthouse' });
    expect(library.prompts.history('fox', 10).map((entry) => entry.prompt)).toEqual(['foxes in the snow']);
    expect(library.prompts.history('小猫', 10).map((entry) => entry.prompt)).toEqual(['一只小猫坐在窗台']);
    expect(library.prompts.history('猫窗', 10)).toEqual([]);
    expect(library.prompts.history('"', 10)).toEqual([]);
    expect(library.prompts.history('  ', 10)).toHaveLength(3);
    // The same words find the same prompts in the library.
    expect(library.images.list({ query: '小猫' }).items.map((image) => image.prompt)).toEqual([
      '一只小猫坐在窗台',
    ]);
  });
});

describe('saved prompts', () => {
  it('saves, renames, re-tags and deletes, sorted by name', async () => {
    const library = await tempLibrary();
    const portrait = library.prompts.save({
      name: 'Portrait',
      template: 'a portrait of {subject}',
      tags: ['people', 'People', ' '],
    });
    expect(portrait).toMatchObject({ name: 'Portrait', tags: ['people'] });
    library.prompts.save({ name: 'Album', template: '{spring|summer} album cover', tags: [] });
    expect(library.prompts.saved().map((prompt) => prompt.name)).toEqual(['Album', 'Portrait']);
    const renamed = library.prompts.save({
      id: portrait.id,
      name: 'Zebra portrait',
      template: 'x',
      tags: ['a'],
    });
    expect(renamed).toMatchObject({ id: portrait.id, name: 'Zebra portrait', template: 'x', tags: ['a'] });
    library.prompts.remove(portrait.id);
    expect(library.prompts.saved().map((prompt) => prompt.name)).toEqual(['Album']);
  });

  it('refuses a name already taken (ignoring case), an empty one, and a prompt that is gone', async () => {
    const library = await tempLibrary();
    library.prompts.save({ name: 'Album', template: 'x', tags: [] });
    expect(() => library.prompts.save({ name: 'album', template: 'y', tags: [] })).toThrow(
      'A saved prompt named "album" already exists.',
    );
    expect(() => library.prompts.save({ name: '  ', template: 'y', tags: [] })).toThrow(/1 to 200/);
    expect(() => library.prompts.save({ id: 99, name: 'B', template: 'y', tags: [] })).toThrow(
      /no longer exists/,
    );
  });
});
