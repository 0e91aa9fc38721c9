import { incomingLimits, type IncomingFile } from '../../../src-preload/contract/library-types';

/**
 * Splits files into calls main accepts: at most `maxFiles` each, and together at most the call limit (a file
 * is never split, and each is below the limit on its own).
 */
export function importBatches(files: readonly IncomingFile[], maxFiles: number): IncomingFile[][] {
  const batches: IncomingFile[][] = [];
  let current: IncomingFile[] = [];
  let bytes = 0;
  for (const file of files) {
    const size = file.bytes.byteLength;
    if (current.length > 0 && (current.length >= maxFiles || bytes + size > incomingLimits.callBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
