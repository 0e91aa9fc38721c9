import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppHarness, type AppHarness } from '../app/app-harness';
import { pngBytes } from '../library/fixtures';

let app: AppHarness;
beforeAll(async () => {
  app = await startAppHarness({ apiBaseUrl: 'http://127.0.0.1:9' });
});
afterAll(async () => {
  await app.close();
});

describe('the desktop handlers', () => {
  it('start one OS drag of every image asked for, in order, with an icon of the first', async () => {
    const imported = await app.value('library:import', {
      files: await Promise.all(
        [1, 2, 3].map(async (seed) => ({ name: `${seed}.png`, bytes: new Uint8Array(await pngBytes(seed)) })),
      ),
    });
    const ids = imported.flatMap((file) => (file.image ? [file.image.id] : []));
    expect(ids).toHaveLength(3);

    await app.value('desktop:startDrag', { ids: [ids[2] ?? 0, ids[0] ?? 0] });
    const drags = app.desktop.calls.filter((call) => call.kind === 'startDrag');
    expect(drags).toHaveLength(1);
    const [drag] = drags;
    const files = [ids[2], ids[0]].map((id) => {
      const image = app.library.images.image(id ?? 0);
      return image ? app.library.filePath(image) : '';
    });
    expect(drag).toMatchObject({ kind: 'startDrag', paths: files });
    // A PNG, as Electron's nativeImage needs.
    expect(drag?.kind === 'startDrag' && Buffer.from(drag.iconPng.subarray(1, 4)).toString()).toBe('PNG');
  });

  it('refuse a drag naming an image that is not in the library, and start none', async () => {
    const before = app.desktop.calls.length;
    const result = await app.call('desktop:startDrag', { ids: [987_654] });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(app.desktop.calls.length).toBe(before);
  });
});
