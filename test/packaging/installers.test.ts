import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { minimatch } from 'minimatch';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadImageCodec } from '../../src-main/media/image-codec';
import { appUserModelId, desktopEntryName } from '../../src-main/shell/app-identity';
import { openableExtensions } from '../../src-main/shell/opened-files';

const root = path.resolve(import.meta.dirname, '../..');
const builder = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as {
  appId: string;
  asarUnpack: string[];
  directories: { buildResources: string };
  linux: { maintainer?: string; syncDesktopName?: boolean; target: string[]; mimeTypes?: string[] };
  fileAssociations?: { ext: string[]; role?: string; rank?: string }[];
};
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  homepage?: string;
  author?: { name: string; email?: string };
  desktopName?: string;
};

describe('installers', () => {
  it('give the .deb what electron-builder requires: a homepage and a maintainer with an address', () => {
    expect(builder.linux.target).toContain('deb');
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(builder.linux.maintainer ?? `${pkg.author?.name} <${pkg.author?.email}>`).toMatch(
      /^.+ <[^@\s]+@[^@\s]+>$/,
    );
  });

  it('offer "Open with" for exactly the images the app opens, without claiming to be their default app', () => {
    expect(builder.fileAssociations?.flatMap((association) => association.ext).sort()).toEqual(
      [...openableExtensions].sort(),
    );
    expect(builder.fileAssociations?.every((association) => association.rank === 'Alternate')).toBe(true);
    expect(builder.linux.mimeTypes).toContain('image/png');
    expect(builder.linux.mimeTypes).toContain('image/jpeg');
  });

  it('have one source icon, large enough for every platform to derive its sizes from', async () => {
    const icon = path.join(root, builder.directories.buildResources, 'icon.png');
    expect(existsSync(icon)).toBe(true);
    const metadata = await loadImageCodec('native').sharp(icon).metadata();
    expect(metadata.format).toBe('png');
    expect([metadata.width, metadata.height]).toEqual([1024, 1024]);
  });

  it('name the app as the OS knows it: the AppUserModelID is the appId, the .desktop entry is desktopName', () => {
    expect(appUserModelId).toBe(builder.appId);
    expect(pkg.desktopName).toBe(desktopEntryName);
    expect(builder.linux.syncDesktopName).toBe(true);
  });

  it('unpack from app.asar every file the WebAssembly image codec loads from disk', () => {
    const require = createRequire(path.join(root, 'package.json'));
    const wasmDir = path.dirname(require.resolve('@img/sharp-wasm32/package'));
    const runtime = require.resolve('@emnapi/runtime');
    const files = [
      ...['sharp-wasm32-0.35.5.node.js', 'sharp-wasm32-0.35.5.node.wasm'].map((file) =>
        path.join(wasmDir, 'lib', file),
      ),
      runtime,
      require.resolve('sharp'),
    ].map((file) => {
      // As the app lays them out (node_modules may be a link to a shared install here).
      const posix = file.split(path.sep).join('/');
      return posix.slice(posix.indexOf('node_modules/'));
    });
    for (const file of files) {
      expect(existsSync(path.join(root, file))).toBe(true);
      expect(
        builder.asarUnpack.some((pattern) => minimatch(file, pattern, { dot: true })),
        `${file} is unpacked`,
      ).toBe(true);
    }
  });
});
