import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeThumbnails } from '../../src-main/library/thumbnails';
import { loadImageCodec, type CodecBuild } from '../../src-main/media/image-codec';
import { pngBomb } from '../media/png-bomb';
import { nativeCodec } from '../support/codecs';
import { tempLibrary } from './fixtures';

describe('thumbnails', () => {
  // Both builds: the WebAssembly one is what decodes inside Electron on Linux.
  it.each(['native', 'wasm'] as const satisfies readonly CodecBuild[])(
    'refuse to decode an image over the pixel limit, even one that got past the header check (%s build)',
    async (build) => {
      const codec = build === 'native' ? nativeCodec : loadImageCodec('wasm');
      const library = await tempLibrary({ codec });
      // 120 megapixels: under sharp's own default limit (268), over the library's (100).
      const source = path.join(library.context.tmpDir, 'bomb.png');
      await writeFile(source, pngBomb(12_000, 10_000));
      await expect(
        makeThumbnails(library.context.codec, library.paths, source, 'ab'.repeat(32), library.context.tmpDir),
      ).rejects.toThrow(/pixel limit/);
    },
  );
});
