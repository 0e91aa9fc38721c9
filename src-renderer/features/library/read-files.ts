import {
  incomingLimits,
  tooLargeMessage,
  type IncomingFile,
} from '../../../src-preload/contract/library-types';

export interface ReadImages {
  files: IncomingFile[];
  /** Files over main's size limit: never read, reported by name. */
  refused: { name: string; message: string }[];
}

/**
 * Files the user picked or dropped, read into bytes: the renderer never hands main a file path. A file main
 * would refuse for its size is not read at all.
 */
export async function readImageFiles(files: readonly File[]): Promise<ReadImages> {
  const images = files.filter((file) => file.type.startsWith('image/') && file.size > 0);
  const tooLarge = images.filter((file) => file.size > incomingLimits.fileBytes);
  return {
    files: await Promise.all(
      images
        .filter((file) => file.size <= incomingLimits.fileBytes)
        .map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
    ),
    refused: tooLarge.map((file) => ({ name: file.name, message: tooLargeMessage(file.name, file.size) })),
  };
}

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
