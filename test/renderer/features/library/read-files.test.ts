import { describe, expect, it } from 'vitest';
import { incomingLimits, type IncomingFile } from '../../../../src-preload/contract/library-types';
import { importBatches, readImageFiles } from '../../../../src-renderer/features/library/read-files';

/** A file that reports `size` without holding that many bytes, as a picked file does before it is read. */
function picked(name: string, size: number, type = 'image/png'): File {
  const file = new File([new Uint8Array(Math.min(size, 16))], name, { type });
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

function incoming(name: string, size: number): IncomingFile {
  // Only the length matters to batching; a view over one shared buffer keeps the test small.
  return { name, bytes: new Uint8Array(new ArrayBuffer(size)) };
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

  it('sends at most the call limit in bytes and the given number of files per call', () => {
    const mb = 1024 * 1024;
    const files = [40, 40, 40, 40, 40, 40, 1, 1].map((size, index) => incoming(`f${index}`, size * mb));
    const batches = importBatches(files, 500);
    for (const batch of batches) {
      expect(batch.reduce((sum, file) => sum + file.bytes.byteLength, 0)).toBeLessThanOrEqual(
        incomingLimits.callBytes,
      );
    }
    expect(batches.flat()).toEqual(files);
    expect(importBatches(files.slice(6), 1)).toEqual([[files[6]], [files[7]]]);
    expect(importBatches([], 500)).toEqual([]);
  });
});
