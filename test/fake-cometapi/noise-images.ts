import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';

export type FakeImageFormat = 'jpeg' | 'png';

export interface FakeImageSpec {
  format: FakeImageFormat;
  width: number;
  height: number;
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
  const image = sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } }).resize(
    spec.width,
    spec.height,
    { kernel: spec.format === 'png' ? 'nearest' : 'linear', fit: 'fill' },
  );
  return spec.format === 'png'
    ? image.png({ compressionLevel: 1 }).toBuffer()
    : image.jpeg({ quality: 78 }).toBuffer();
}

function noiseBase(spec: FakeImageSpec): Promise<Buffer> {
  const key = `${spec.format}:${spec.width}x${spec.height}`;
  let found = cache.get(key);
  if (!found) {
    found = encodeNoise(spec);
    cache.set(key, found);
  }
  return found;
}

/**
 * An image as pieces that share the encoded noise: variants cost a few bytes each, not megabytes, so a fake
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

/**
 * A noise image of the given spec; each `variant` gets different bytes (hence a different hash) while the
 * costly encoding happens once per spec.
 */
export async function noiseImage(spec: FakeImageSpec, variant: string): Promise<FakeImage> {
  const base = await noiseBase(spec);
  const parts = spec.format === 'png' ? withPngText(base, variant) : withJpegComment(base, variant);
  return { parts, length: parts.reduce((sum, part) => sum + part.length, 0) };
}
