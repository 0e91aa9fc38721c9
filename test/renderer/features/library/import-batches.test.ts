import { describe, expect, it } from 'vitest';
import { incomingLimits, type IncomingFile } from '../../../../src-preload/contract/library-types';
import { importBatches } from '../../../../src-renderer/features/library/import-batches';

function incoming(name: string, size: number): IncomingFile {
  // Only the length matters to batching; a view over one shared buffer keeps the test small.
  return { name, bytes: new Uint8Array(new ArrayBuffer(size)) };
}

describe('import batches', () => {
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
