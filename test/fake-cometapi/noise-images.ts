import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { sceneSvg } from './scene-svg';

export type FakeImageFormat = 'jpeg' | 'png';

/**
 * `noise` (the default) weighs what real results weigh, for benchmarks and transfer tests; `scene` is a calm
 * picture that differs with the image's index, for screenshots people look at.
 */
export type FakeImagePattern = 'noise' | 'scene';

export interface FakeImageSpec {
  format: FakeImageFormat;
  width: number;
  height: number;
  pattern?: FakeImagePattern;
  /** A PNG with an alpha channel, part of it see-through, as a transparent background gives. */
  alpha?: boolean;
}

/**
 * Noise is drawn at a fraction of the size and scaled up: incompressible enough to weigh what real 4K results
 * weigh (about 5 MB at 4096x4096), and fast to encode.
 */
const noiseScale: Record<FakeImageFormat, number> = { jpeg: 4, png: 6 };

const cache = new Map<string, Promise<Buffer>>();

async function encodeNoise(spec: FakeImageSpec): Promise<Buffer> {
  const scale = Math.max(spec.width, spec.height) >= 512 ? noiseScale[spec.format] : 1;
  const width = Math.max(1, Math.ceil(spec.width / scale));
  const height = Math.max(1, Math.ceil(spec.height / scale));
  const channels = spec.alpha && spec.format === 'png' ? 4 : 3;
  const image = sharp(randomBytes(width * height * channels), { raw: { width, height, channels } }).resize(
    spec.width,
    spec.height,
    { kernel: spec.format === 'png' ? 'nearest' : 'linear', fit: 'fill' },
  );
  return spec.format === 'png'
    ? image.png({ compressionLevel: 1 }).toBuffer()
    : image.jpeg({ quality: 78 }).toBuffer();
}

async function encodeScene(spec: FakeImageSpec, design: number): Promise<Buffer> {
  const drawn = sharp(Buffer.from(sceneSvg(design, spec.width, spec.height)));
  const image = spec.alpha && spec.format === 'png' ? drawn.removeAlpha().ensureAlpha(0.5) : drawn;
  // Gradients band at the quality noise gets away with.
  return spec.format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 92 }).toBuffer();
}

function cached(key: string, encode: () => Promise<Buffer>): Promise<Buffer> {
  let found = cache.get(key);
  if (!found) {
    found = encode();
    cache.set(key, found);
  }
  return found;
}

function noiseBase(spec: FakeImageSpec): Promise<Buffer> {
  return cached(`${spec.format}:${spec.width}x${spec.height}:${spec.alpha ? 'alpha' : 'opaque'}`, () =>
    encodeNoise(spec),
  );
}

function sceneBase(spec: FakeImageSpec, design: number): Promise<Buffer> {
  return cached(`${spec.format}:${spec.width}x${spec.height}:scene-${design}:${spec.alpha ? 'a' : 'o'}`, () =>
    encodeScene(spec, design),
  );
}

/**
 * An image as pieces that share the encoded base: variants cost a few bytes each, not megabytes, so a fake
 * serving many 4K generations stays small and quick.
 */
export interface FakeImage {
  parts: Buffer[];
  length: number;
}

/** A JPEG comment segment right after the start-of-image marker. */
function withJpegComment(image: Buffer, text: string): Buffer[] {
  const comment = Buffer.from(text);
  const segment = Buffer.alloc(4 + comment.length);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(comment.length + 2, 2);
  comment.copy(segment, 4);
  return [image.subarray(0, 2), segment, image.subarray(2)];
}

/** A PNG tEXt chunk right after the header chunk (8-byte signature + 25-byte IHDR). */
function withPngText(image: Buffer, text: string): Buffer[] {
  const data = Buffer.from(`Comment\0${text}`, 'latin1');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write('tEXt', 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return [image.subarray(0, 33), chunk, image.subarray(33)];
}

function tagged(base: Buffer, format: FakeImageFormat, variant: string): FakeImage {
  const parts = format === 'png' ? withPngText(base, variant) : withJpegComment(base, variant);
  return { parts, length: parts.reduce((sum, part) => sum + part.length, 0) };
}

/**
 * A noise image of the given spec; each `variant` gets different bytes (hence a different hash) while the
 * costly encoding happens once per spec.
 */
export async function noiseImage(spec: FakeImageSpec, variant: string): Promise<FakeImage> {
  return tagged(await noiseBase(spec), spec.format, variant);
}

/**
 * Image number `index` of a generation, in the spec's pattern. Like noise, a scene is encoded once per spec and
 * index, and each `variant` still gets its own bytes.
 */
export async function fakeImage(spec: FakeImageSpec, index: number, variant: string): Promise<FakeImage> {
  const base = spec.pattern === 'scene' ? await sceneBase(spec, index) : await noiseBase(spec);
  return tagged(base, spec.format, variant);
}
