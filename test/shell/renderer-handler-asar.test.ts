import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

/**
 * Inside `app.asar`, Electron's fs layer answers `readFile` and `realpath` (documented for archives) but, before
 * Electron 45, not reads through a `FileHandle`. This models that: `open` fails as it did for archive paths.
 */
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    open: () =>
      Promise.reject(
        Object.assign(new Error('ENOTSUP: FileHandle reads inside app.asar'), { code: 'ENOTSUP' }),
      ),
  };
});

const { createRendererHandler } = await import('../../src-main/shell/renderer-handler');

const base = await mkdtemp(path.join(tmpdir(), 'renderer-asar-'));
const rootDir = path.join(base, 'app.asar', 'dist', 'renderer');
await mkdir(path.join(rootDir, 'assets'), { recursive: true });
await writeFile(path.join(rootDir, 'index.html'), '<!doctype html><title>Seedream Studio</title>');
await writeFile(path.join(rootDir, 'assets', 'index.js'), 'console.log("first paint");');

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('renderer files inside the app archive', () => {
  it('are served with calls Electron supports for asar archives', async () => {
    const handler = createRendererHandler({ rootDir });
    const page = await handler(new Request('app://studio/'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Seedream Studio');
    const script = await handler(new Request('app://studio/assets/index.js'));
    expect(script.status).toBe(200);
    expect(script.headers.get('Content-Length')).toBe(String('console.log("first paint");'.length));
    expect(await script.text()).toBe('console.log("first paint");');
  });
});
