import { readFile } from 'node:fs/promises';
import type { ImageCodec } from '../media/image-codec';
import { sniffImage } from '../media/image-info';
import { sharpInputOptions } from '../media/image-limits';

/** Large enough to recognise the image under the pointer, small enough not to cover the drop target. */
export const dragIconSide = 128;

/** The file as PNG for the clipboard: a PNG original as it is, anything else (WebP, JPEG...) converted. */
export async function clipboardPng(codec: ImageCodec, file: string): Promise<Buffer> {
  const bytes = await readFile(file);
  const sniffed = sniffImage(bytes.subarray(0, 1 << 16));
  if (sniffed.status === 'ok' && sniffed.info.format === 'png') return bytes;
  return codec.sharp(bytes, sharpInputOptions).autoOrient().png().toBuffer();
}

/**
 * A small PNG of the image for a drag icon, from the first source that can be read (the 256 px WebP thumbnail,
 * then the original). The OS drag never starts with an empty icon (macOS refuses it, and Electron's startDrag
 * then returns without a word), so having none is an error.
 */
export async function dragIconPng(codec: ImageCodec, sources: readonly string[]): Promise<Buffer> {
  let lastError: unknown = null;
  for (const source of sources) {
    try {
      return await codec
        .sharp(source, sharpInputOptions)
        .autoOrient()
        .resize(dragIconSide, dragIconSide, { fit: 'inside', withoutEnlargement: true })
        .png()
        .toBuffer();
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error('No drag icon could be made for this image.', { cause: lastError });
}
