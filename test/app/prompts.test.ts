import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppHarness, type AppHarness } from './app-harness';

let app: AppHarness;
beforeAll(async () => {
  app = await startAppHarness({ apiBaseUrl: 'http://127.0.0.1:9' });
});
afterAll(async () => {
  await app.close();
});

describe('prompts and reference sets through IPC', () => {
  it('saves a template and refuses one that does not parse, by position', async () => {
    const saved = await app.value('prompts:save', {
      name: 'Seasons',
      template: '{subject} in {spring|autumn}',
    });
    expect(saved).toMatchObject({ name: 'Seasons', tags: [] });
    expect(await app.value('prompts:saved')).toEqual([saved]);
    expect(await app.call('prompts:save', { name: 'Broken', template: 'a {b|c' })).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        field: 'template',
        message: 'template: The "{" at character 3 is never closed.',
      },
    });
    expect(await app.call('prompts:save', { name: 'Seasons', template: 'x' })).toMatchObject({
      ok: false,
      error: { message: 'A saved prompt named "Seasons" already exists.' },
    });
  });

  it('refuses a reference set larger than one request can send, or empty', async () => {
    const many = await app.call('referenceSets:save', {
      name: 'Big',
      imageIds: Array.from({ length: 15 }, (_, i) => i + 1),
    });
    expect(many).toMatchObject({ ok: false, error: { field: 'imageIds' } });
    const none = await app.call('referenceSets:save', { name: 'Empty', imageIds: [] });
    expect(none).toMatchObject({
      ok: false,
      error: { message: 'imageIds: A reference set needs at least one image.' },
    });
  });

  it('answers an empty history for a library that sent nothing', async () => {
    expect(await app.value('prompts:history', { query: '猫' })).toEqual([]);
  });
});
