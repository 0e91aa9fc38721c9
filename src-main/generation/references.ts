import { appError, AppFailure } from '../../src-preload/contract/errors';
import type { ImageCodec } from '../media/image-codec';
import { sniffImage, type ImageFormat } from '../media/image-info';

/** What the API accepts for a reference image. */
export const referenceLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxSide: 6000,
  /** Sides must be over 14 pixels. */
  minSide: 15,
  maxAspectRatio: 16,
  formats: ['jpeg', 'png', 'webp', 'bmp', 'tiff', 'gif'] as readonly ImageFormat[],
} as const;

export interface PreparedReference {
  /** The bytes to send: the original when the API accepts it, otherwise a converted copy. */
  data: Buffer;
  format: ImageFormat;
  width: number;
  height: number;
  /** Set when the image had to be converted or downsized, saying what was done and why. */
  notice: string | null;
}

interface Inspected {
  format: ImageFormat | undefined;
  /** sharp's name for formats the API does not take (heif, avif, svg...). */
  sourceFormat: string;
  width: number;
  height: number;
  hasAlpha: boolean;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function refuse(message: string): AppFailure {
  return new AppFailure(appError('invalid-image', message, { field: 'references' }));
}

async function inspect(codec: ImageCodec, bytes: Buffer): Promise<Inspected> {
  const sniffed = sniffImage(bytes);
  if (sniffed.status === 'ok' && referenceLimits.formats.includes(sniffed.info.format)) {
    return { ...sniffed.info, sourceFormat: sniffed.info.format, hasAlpha: false };
  }
  try {
    const metadata = await codec.sharp(bytes).metadata();
    return {
      format: undefined,
      sourceFormat: metadata.format,
      width: metadata.width,
      height: metadata.height,
      hasAlpha: metadata.hasAlpha,
    };
  } catch {
    throw refuse(
      'This file is not an image that can be used as a reference (JPEG, PNG, WebP, BMP, TIFF or GIF).',
    );
  }
}

function checkShape(width: number, height: number): void {
  if (Math.min(width, height) < referenceLimits.minSide) {
    throw refuse(`The image is ${width}x${height} pixels; both sides must be over 14 pixels.`);
  }
  if (Math.max(width, height) / Math.min(width, height) > referenceLimits.maxAspectRatio) {
    throw refuse(
      `The image is ${width}x${height} pixels, too long and narrow: the long side may be at most 16 times the short side.`,
    );
  }
}

/** Whether transparency must survive conversion; only asked when converting, as sharp cannot read BMP. */
async function withAlpha(codec: ImageCodec, bytes: Buffer, source: Inspected): Promise<Inspected> {
  try {
    return { ...source, hasAlpha: (await codec.sharp(bytes).metadata()).hasAlpha };
  } catch {
    throw refuse(
      `This ${source.sourceFormat.toUpperCase()} image is over the API limits (10 MB, 6000 pixels a side) and cannot be converted here. Save it as JPEG or PNG and try again.`,
    );
  }
}

/** Re-encodes until the file fits the size limit: lower JPEG quality first, then fewer pixels. */
async function convert(
  codec: ImageCodec,
  bytes: Buffer,
  source: Inspected,
): Promise<{ data: Buffer; format: ImageFormat }> {
  const keepAlpha = source.hasAlpha;
  let side = Math.min(Math.max(source.width, source.height), referenceLimits.maxSide);
  for (const quality of [90, 82, 75, 75, 75, 75]) {
    const pipeline = codec.sharp(bytes).rotate().resize({
      width: side,
      height: side,
      fit: 'inside',
      withoutEnlargement: true,
    });
    const data = keepAlpha
      ? await pipeline.png({ compressionLevel: 9 }).toBuffer()
      : await pipeline.jpeg({ quality, mozjpeg: true }).toBuffer();
    if (data.length <= referenceLimits.maxBytes) return { data, format: keepAlpha ? 'png' : 'jpeg' };
    if (keepAlpha || quality <= 75) side = Math.floor(side * 0.8);
  }
  throw refuse('The image could not be made small enough for the 10 MB limit.');
}

function describeChanges(
  source: Inspected,
  bytes: number,
  result: { data: Buffer; format: ImageFormat },
): string {
  const reasons: string[] = [];
  if (!source.format) reasons.push(`${source.sourceFormat.toUpperCase()} images are not accepted by the API`);
  if (Math.max(source.width, source.height) > referenceLimits.maxSide) {
    reasons.push(`it was ${source.width}x${source.height} pixels, above the 6000-pixel limit`);
  }
  if (bytes > referenceLimits.maxBytes) reasons.push(`it was ${megabytes(bytes)}, above the 10 MB limit`);
  return `The reference was converted to ${result.format.toUpperCase()} (${megabytes(result.data.length)}) because ${reasons.join(' and ')}.`;
}

/**
 * Checks a reference image by its content (never its name), and converts or downsizes what the API would
 * refuse, saying so in `notice`. Refuses, with a reason, images that cannot be fixed (too small, too narrow,
 * not an image).
 */
export async function prepareReference(codec: ImageCodec, input: Uint8Array): Promise<PreparedReference> {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const source = await inspect(codec, bytes);
  checkShape(source.width, source.height);
  const fits =
    source.format !== undefined &&
    bytes.length <= referenceLimits.maxBytes &&
    Math.max(source.width, source.height) <= referenceLimits.maxSide;
  if (fits && source.format) {
    return { data: bytes, format: source.format, width: source.width, height: source.height, notice: null };
  }
  const result = await convert(codec, bytes, await withAlpha(codec, bytes, source));
  const info = sniffImage(result.data);
  if (info.status !== 'ok') throw refuse('The image could not be converted.');
  checkShape(info.info.width, info.info.height);
  return {
    ...result,
    width: info.info.width,
    height: info.info.height,
    notice: describeChanges(source, bytes.length, result),
  };
}

/** The form the API takes: `data:image/<fmt>;base64,...` with the format in lower case. */
export function referenceDataUri(reference: Pick<PreparedReference, 'data' | 'format'>): string {
  return `data:image/${reference.format.toLowerCase()};base64,${reference.data.toString('base64')}`;
}
