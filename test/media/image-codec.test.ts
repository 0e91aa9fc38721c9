import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { chooseCodecBuild, loadImageCodec } from '../../src-main/media/image-codec';

const root = path.resolve(import.meta.dirname, '../..');
const tsxCli = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

async function sharedObjectsAfter(build: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [tsxCli, path.join(import.meta.dirname, 'codec-child.ts'), build],
    { cwd: root, timeout: 60_000 },
  );
  const result = JSON.parse(stdout) as { bytes: number; sharedObjects: string[] };
  expect(result.bytes).toBeGreaterThan(0);
  return result.sharedObjects;
}

const libvips = /libvips|sharp-[a-z]+-[a-z0-9]+\.node|[\\/]sharp\.node$/;

describe('image codec choice', () => {
  it('is WebAssembly only inside Electron on Linux', () => {
    expect(chooseCodecBuild({ platform: 'linux', electron: '45.0.0' })).toBe('wasm');
    expect(chooseCodecBuild({ platform: 'linux', electron: undefined })).toBe('native');
    expect(chooseCodecBuild({ platform: 'darwin', electron: '45.0.0' })).toBe('native');
    expect(chooseCodecBuild({ platform: 'win32', electron: '45.0.0' })).toBe('native');
  });

  it('never loads libvips natively for the WebAssembly build, and does for the native one', async () => {
    const [wasm, native] = await Promise.all([sharedObjectsAfter('wasm'), sharedObjectsAfter('native')]);
    expect(wasm.filter((file) => libvips.test(file))).toEqual([]);
    expect(native.some((file) => libvips.test(file))).toBe(true);
  });

  it('gives the same pixels from both builds in one process', async () => {
    const native = loadImageCodec('native');
    const wasm = loadImageCodec('wasm');
    expect(wasm.build).toBe('wasm');
    const source = await native
      .sharp({ create: { width: 48, height: 36, channels: 3, background: '#c04020' } })
      .png()
      .toBuffer();
    const [fromNative, fromWasm] = await Promise.all(
      [native, wasm].map((codec) => codec.sharp(source).resize(24).webp({ quality: 70 }).toBuffer()),
    );
    expect(fromWasm?.equals(fromNative ?? Buffer.alloc(0))).toBe(true);
  });
});
