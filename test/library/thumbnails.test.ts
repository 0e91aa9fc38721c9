import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeThumbnails } from '../../src-main/library/thumbnails';
import { pngBomb } from '../media/png-bomb';
import { tempLibrary } from './fixtures';

describe('thumbnails', () => {
  it('refuses to decode an image over the pixel limit, even one that got past the header check', async () => {
    const library = await tempLibrary();
    // 120 megapixels: under sharp's own default limit (268), over the library's (100).
    const source = path.join(library.context.tmpDir, 'bomb.png');
    await writeFile(source, pngBomb(12_000, 10_000));
    await expect(
      makeThumbnails(library.paths, source, 'ab'.repeat(32), library.context.tmpDir),
    ).rejects.toThrow(/pixel limit/);
  });
});
