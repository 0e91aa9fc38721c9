import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngBytes } from '../library/fixtures';
import { startAppHarness, type AppHarness } from './app-harness';

let app: AppHarness;
let folder: string;

beforeAll(async () => {
  app = await startAppHarness({ apiBaseUrl: 'http://127.0.0.1:9' });
  folder = await mkdtemp(path.join(tmpdir(), 'opened-images-'));
});
afterAll(async () => {
  await app.close();
  await rm(folder, { recursive: true, force: true });
});

describe('images opened from the OS', () => {
  it('are stored, announced to the renderer and handed out once, with a reason for each file that fails', async () => {
    const good = path.join(folder, 'good.png');
    const bad = path.join(folder, 'bad.png');
    await writeFile(good, await pngBytes(42, 64, 48));
    await writeFile(bad, 'not an image');
    await app.core.openFiles([good, bad, path.join(folder, 'missing.png')]);
    expect(app.events.filter((event) => event.event === 'edit:opened')).toEqual([
      { event: 'edit:opened', payload: { count: 3 } },
    ]);
    const taken = await app.value('edit:takeOpened');
    expect(taken.images.map((image) => [image.width, image.height])).toEqual([[64, 48]]);
    expect(taken.problems).toHaveLength(2);
    expect(taken.problems[0]).toMatch(/^bad\.png: /);
    expect(taken.problems[1]).toContain('missing.png');
    expect(await app.value('edit:takeOpened')).toEqual({ images: [], problems: [] });
  });
});
