import { appError, AppFailure } from '../../src-preload/contract/errors';
import type { ImageCodec } from '../media/image-codec';
import { sniffImage, type ImageFormat } from '../media/image-info';
import { maxImagePixels, pixelLimitProblem, sharpInputOptions } from '../media/image-limits';

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

/** HEIF and AVIF (phone photos) live in an ISO media file: `ftyp` at byte 4, then a brand naming the codec. */
const heifBrands = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis']);

function isHeif(bytes: Buffer): boolean {
  return bytes.toString('latin1', 4, 8) === 'ftyp' && heifBrands.has(bytes.toString('latin1', 8, 12));
}

/** An SVG drawing, recognised by its start (after a byte-order mark and white space). */
function isSvg(bytes: Buffer): boolean {
  const head = bytes
    .toString('utf8', 0, 4096)
    .replace(/^\uFEFF/, '')
    .trimStart();
  return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE\s+svg|<svg[\s>])/i.test(head);
}

/**
 * Anything in an SVG that could reach outside the drawing: links and sources other than `#fragment` ones, CSS
 * that imports or escapes, scripts, foreign content, and entity declarations (XXE). A plain drawing, gradients
 * and `<use href="#...">` included, has none of these and is rasterised; anything else is refused before a
 * parser sees it.
 */
const svgReach =
  /<!ENTITY|<!DOCTYPE[^>]*\[|href\s*=\s*(?!["']#)|src\s*=|url\s*\(\s*(?!["']?#)|@import|\\|<script|<foreignObject|<iframe/i;

async function inspect(codec: ImageCodec, bytes: Buffer): Promise<Inspected> {
  const sniffed = sniffImage(bytes);
  if (sniffed.status === 'ok' && referenceLimits.formats.includes(sniffed.info.format)) {
    return { ...sniffed.info, sourceFormat: sniffed.info.format, hasAlpha: false };
  }
  const svg = isSvg(bytes);
  if (!svg && !isHeif(bytes)) {
    throw refuse(
      'This file is not an image that can be used as a reference (JPEG, PNG, WebP, BMP, TIFF, GIF, HEIC, AVIF or SVG).',
    );
  }
  if (svg && svgReach.test(bytes.toString('utf8'))) {
    throw refuse(
      'This SVG drawing refers to other files, addresses or scripts, which are never loaded here. Export it as PNG and use that instead.',
    );
  }
  try {
    // Reads the header only: nothing is decoded or rasterised until the size is known to be within the limit.
    const metadata = await codec.sharp(bytes, sharpInputOptions).metadata();
    return {
      format: undefined,
      sourceFormat: metadata.format,
      width: metadata.width,
      height: metadata.height,
      hasAlpha: metadata.hasAlpha,
    };
  } catch (error) {
    const kind = svg ? 'SVG drawing' : 'HEIC or AVIF image';
    // libvips applies the pixel limit while reading an SVG's size, so there is no size to quote.
    if (error instanceof Error && /pixel limit/i.test(error.message)) {
      throw refuse(
        `This ${kind} is over ${maxImagePixels / 1_000_000} megapixels, the largest size accepted.`,
      );
    }
    throw refuse(`This ${kind} could not be read; it may be damaged.`);
  }
}

function checkShape(width: number, height: number): void {
  const tooLarge = pixelLimitProblem(width, height);
  if (tooLarge !== null) throw refuse(tooLarge);
  if (Math.min(width, height) < referenceLimits.minSide) {
    throw refuse(`The image is ${width}x${height} pixels; both sides must be over 14 pixels.`);
  }
  if (Math.max(width, height) / Math.min(width, height) > referenceLimits.maxAspectRatio) {
    throw refuse(
      `The image is ${width}x${height} pixels, too long and narrow: the long side may be at most 16 times the short side.`,
    );
  }
}

/** What to tell the user when sharp cannot read an image it has to convert. */
function unreadable(source: Inspected): AppFailure {
  // A JPEG or PNG that sharp cannot read is damaged; BMP and the rest may simply be unreadable here.
  const advice =
    source.format === 'jpeg' || source.format === 'png'
      ? 'It may be damaged: open it in an image editor, save a smaller copy and try again.'
      : 'Save it as JPEG or PNG and try again.';
  return refuse(
    `This ${source.sourceFormat.toUpperCase()} image is over the API limits (10 MB, 6000 pixels a side) and could not be read to be downsized here. ${advice}`,
  );
}

/** Whether transparency must survive conversion; only asked when converting, as sharp cannot read BMP. */
async function withAlpha(codec: ImageCodec, bytes: Buffer, source: Inspected): Promise<Inspected> {
  try {
    return { ...source, hasAlpha: (await codec.sharp(bytes, sharpInputOptions).metadata()).hasAlpha };
  } catch {
    throw unreadable(source);
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
    const pipeline = codec.sharp(bytes, sharpInputOptions).rotate().resize({
      width: side,
      height: side,
      fit: 'inside',
      withoutEnlargement: true,
    });
    const data = await (
      keepAlpha ? pipeline.png({ compressionLevel: 9 }) : pipeline.jpeg({ quality, mozjpeg: true })
    )
      .toBuffer()
      .catch(() => {
        // The header was fine, the pixels are not: a damaged file, never an internal error.
        throw unreadable(source);
      });
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
 * over the pixel limit, not an image); the size comes from the header, before anything is decoded.
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
