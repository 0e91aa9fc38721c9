import { describe, expect, it } from 'vitest';
import { incomingLimits } from '../../../src-preload/contract/library-types';
import { readImageFiles } from '../../../src-renderer/dom/read-files';

/** A file that reports `size` without holding that many bytes, as a picked file does before it is read. */
function picked(name: string, size: number, type = 'image/png'): File {
  const file = new File([new Uint8Array(Math.min(size, 16))], name, { type });
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

describe('reading files for the library', () => {
  it('never reads a file main would refuse for its size, and names it', async () => {
    const read = await readImageFiles([
      picked('small.png', 10),
      picked('huge.tif', incomingLimits.fileBytes + 1, 'image/tiff'),
      picked('notes.txt', 10, 'text/plain'),
    ]);
    expect(read.files.map((file) => file.name)).toEqual(['small.png']);
    expect(read.refused).toEqual([
      { name: 'huge.tif', message: 'huge.tif is 50.1 MB; files over 50.0 MB are not accepted.' },
    ]);
  });
});
