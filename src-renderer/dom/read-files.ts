import { incomingLimits, tooLargeMessage, type IncomingFile } from '../../src-preload/contract/library-types';

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
