/**
 * Format and dimensions from the first bytes of an image, without decoding it. Pure: callers decide how many
 * bytes to read and what to do with the answer.
 */
export type ImageFormat = 'png' | 'jpeg' | 'webp' | 'gif' | 'bmp' | 'tiff';

export interface ImageInfo {
  format: ImageFormat;
  width: number;
  height: number;
}

/** `incomplete`: the signature matched but the dimensions lie beyond the bytes given. */
export type SniffResult =
  { status: 'ok'; info: ImageInfo } | { status: 'incomplete'; format: ImageFormat } | { status: 'unknown' };

export const imageMimeTypes: Record<ImageFormat, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  bmp: 'image/bmp',
  tiff: 'image/tiff',
};

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((value, index) => bytes[offset + index] === value);
}

function ascii(text: string): number[] {
  return Array.from(text, (char) => char.charCodeAt(0));
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function ok(format: ImageFormat, width: number, height: number): SniffResult {
  return width > 0 && height > 0 ? { status: 'ok', info: { format, width, height } } : { status: 'unknown' };
}

/** The eight bytes every PNG file starts with. */
export const pngSignature: readonly number[] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function sniffPng(bytes: Uint8Array): SniffResult {
  if (bytes.length < 24) return { status: 'incomplete', format: 'png' };
  if (!startsWith(bytes, ascii('IHDR'), 12)) return { status: 'unknown' };
  const data = view(bytes);
  return ok('png', data.getUint32(16), data.getUint32(20));
}

/** Start-of-frame markers carry the dimensions; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

const exifOrientationTag = 0x0112;

/**
 * The EXIF orientation in an APP1 segment starting at `offset` (1, upright, when there is none or it cannot be
 * read). Orientations 5 to 8 turn the picture a quarter, so it is shown with width and height swapped.
 */
function exifOrientation(bytes: Uint8Array, offset: number, length: number): number {
  const data = view(bytes);
  const start = offset + 4;
  const end = Math.min(bytes.length, offset + 2 + length);
  if (start + 14 > end || !startsWith(bytes, [...ascii('Exif'), 0, 0], start)) return 1;
  const tiff = start + 6;
  const little = bytes[tiff] === 0x49;
  if (!little && bytes[tiff] !== 0x4d) return 1;
  const ifd = tiff + data.getUint32(tiff + 4, little);
  if (ifd + 2 > end) return 1;
  const entries = data.getUint16(ifd, little);
  for (let index = 0; index < entries; index += 1) {
    const entry = ifd + 2 + index * 12;
    if (entry + 12 > end) return 1;
    if (data.getUint16(entry, little) === exifOrientationTag) return data.getUint16(entry + 8, little);
  }
  return 1;
}

/**
 * A JPEG's size as it is shown: browsers (and so the Edit canvas) turn a photo upright by its EXIF orientation,
 * and main's flattening does the same, so a phone's portrait photo stored 4032x3024 is 3024x4032 everywhere.
 */
function sniffJpeg(bytes: Uint8Array): SniffResult {
  const data = view(bytes);
  let orientation = 1;
  let offset = 2;
  for (;;) {
    while (offset < bytes.length && bytes[offset] === 0xff && bytes[offset + 1] === 0xff) offset += 1;
    if (offset + 4 > bytes.length) return { status: 'incomplete', format: 'jpeg' };
    if (bytes[offset] !== 0xff) return { status: 'unknown' };
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return { status: 'unknown' };
    const length = data.getUint16(offset + 2);
    if (marker === 0xe1 && orientation === 1) orientation = exifOrientation(bytes, offset, length);
    if (isStartOfFrame(marker)) {
      if (offset + 9 > bytes.length) return { status: 'incomplete', format: 'jpeg' };
      const width = data.getUint16(offset + 7);
      const height = data.getUint16(offset + 5);
      return orientation >= 5 && orientation <= 8 ? ok('jpeg', height, width) : ok('jpeg', width, height);
    }
    if (length < 2) return { status: 'unknown' };
    offset += 2 + length;
  }
}

function sniffGif(bytes: Uint8Array): SniffResult {
  if (bytes.length < 10) return { status: 'incomplete', format: 'gif' };
  const data = view(bytes);
  return ok('gif', data.getUint16(6, true), data.getUint16(8, true));
}

function sniffBmp(bytes: Uint8Array): SniffResult {
  if (bytes.length < 26) return { status: 'incomplete', format: 'bmp' };
  const data = view(bytes);
  const headerSize = data.getUint32(14, true);
  if (headerSize === 12) return ok('bmp', data.getUint16(18, true), data.getUint16(20, true));
  if (headerSize < 40) return { status: 'unknown' };
  return ok('bmp', Math.abs(data.getInt32(18, true)), Math.abs(data.getInt32(22, true)));
}

function sniffWebp(bytes: Uint8Array): SniffResult {
  if (bytes.length < 30) return { status: 'incomplete', format: 'webp' };
  const data = view(bytes);
  if (startsWith(bytes, ascii('VP8X'), 12)) {
    const width = 1 + (data.getUint32(24, true) & 0xffffff);
    const height = 1 + (data.getUint32(26, true) >>> 8);
    return ok('webp', width, height);
  }
  if (startsWith(bytes, ascii('VP8L'), 12)) {
    if (bytes[20] !== 0x2f) return { status: 'unknown' };
    const bits = data.getUint32(21, true);
    return ok('webp', 1 + (bits & 0x3fff), 1 + ((bits >>> 14) & 0x3fff));
  }
  if (startsWith(bytes, ascii('VP8 '), 12)) {
    if (!startsWith(bytes, [0x9d, 0x01, 0x2a], 23)) return { status: 'unknown' };
    return ok('webp', data.getUint16(26, true) & 0x3fff, data.getUint16(28, true) & 0x3fff);
  }
  return { status: 'unknown' };
}

const tiffWidthTag = 256;
const tiffHeightTag = 257;

function sniffTiff(bytes: Uint8Array): SniffResult {
  if (bytes.length < 8) return { status: 'incomplete', format: 'tiff' };
  const data = view(bytes);
  const little = bytes[0] === 0x49;
  const ifdOffset = data.getUint32(4, little);
  if (ifdOffset + 2 > bytes.length) return { status: 'incomplete', format: 'tiff' };
  const entries = data.getUint16(ifdOffset, little);
  if (ifdOffset + 2 + entries * 12 > bytes.length) return { status: 'incomplete', format: 'tiff' };
  let width = 0;
  let height = 0;
  for (let index = 0; index < entries; index += 1) {
    const entry = ifdOffset + 2 + index * 12;
    const tag = data.getUint16(entry, little);
    const type = data.getUint16(entry + 2, little);
    const value = type === 3 ? data.getUint16(entry + 8, little) : data.getUint32(entry + 8, little);
    if (tag === tiffWidthTag) width = value;
    if (tag === tiffHeightTag) height = value;
  }
  return ok('tiff', width, height);
}

export function sniffImage(head: Uint8Array): SniffResult {
  if (startsWith(head, pngSignature)) return sniffPng(head);
  if (startsWith(head, [0xff, 0xd8, 0xff])) return sniffJpeg(head);
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return sniffGif(head);
  if (startsWith(head, ascii('BM'))) return sniffBmp(head);
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return sniffWebp(head);
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a]))
    return sniffTiff(head);
  return { status: 'unknown' };
}

const pngEnd = [0x00, 0x00, 0x00, 0x00, ...ascii('IEND'), 0xae, 0x42, 0x60, 0x82];
/** Some encoders pad after the JPEG end-of-image marker; a few bytes of slack accept that. */
const jpegEndSlack = 16;

/**
 * Whether a file ends the way a whole image of this format ends, which catches downloads and base64 bodies
 * that were cut short. `head` and `tail` are the first and last bytes of the file; `totalBytes` its size.
 */
export function endLooksComplete(
  format: ImageFormat,
  head: Uint8Array,
  tail: Uint8Array,
  totalBytes: number,
): boolean {
  switch (format) {
    case 'png':
      return startsWith(tail, pngEnd, tail.length - pngEnd.length);
    case 'jpeg': {
      for (let index = tail.length - 2; index >= Math.max(0, tail.length - jpegEndSlack); index -= 1) {
        if (tail[index] === 0xff && tail[index + 1] === 0xd9) return true;
      }
      return false;
    }
    case 'gif':
      return tail[tail.length - 1] === 0x3b;
    case 'webp':
      return head.length >= 8 && view(head).getUint32(4, true) + 8 <= totalBytes;
    case 'bmp':
      return head.length >= 6 && view(head).getUint32(2, true) <= totalBytes;
    case 'tiff':
      return true;
  }
}
