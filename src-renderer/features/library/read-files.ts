import type { IncomingFile } from '../../../src-preload/contract/library-types';

/** Files the user picked or dropped, read into bytes: the renderer never hands main a file path. */
export async function readImageFiles(files: readonly File[]): Promise<IncomingFile[]> {
  const images = files.filter((file) => file.type.startsWith('image/') && file.size > 0);
  return Promise.all(
    images.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
}
