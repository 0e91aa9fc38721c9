import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../src-preload/contract/errors';
import { prepareReference, referenceDataUri, referenceLimits } from '../../src-main/generation/references';
import { sniffImage } from '../../src-main/media/image-info';
import { bmpFixture } from '../media/bmp-fixture';
import { nativeCodec } from '../support/codecs';

function flat(width: number, height: number, channels: 3 | 4 = 3) {
  return sharp(Buffer.alloc(width * height * channels, 90), { raw: { width, height, channels } });
}

async function refusal(input: Uint8Array): Promise<string> {
  try {
    await prepareReference(nativeCodec, input);
  } catch (error) {
    if (error instanceof AppFailure) {
      expect(error.appError).toMatchObject({ code: 'invalid-image', field: 'references' });
      return error.appError.message;
    }
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('prepareReference', () => {
  it('sends an acceptable image as it is, as a lower-case data URI', async () => {
    const png = await flat(40, 30).png().toBuffer();
    const prepared = await prepareReference(nativeCodec, new Uint8Array(png));
    expect(prepared).toMatchObject({ format: 'png', width: 40, height: 30, notice: null });
    expect(prepared.data.equals(png)).toBe(true);
    const uri = referenceDataUri(prepared);
    expect(uri.startsWith('data:image/png;base64,')).toBe(true);
    expect(Buffer.from(uri.split(',')[1] ?? '', 'base64').equals(png)).toBe(true);
  });

  it('judges the type by content, whatever the bytes claim to be', async () => {
    const webp = await flat(20, 20).webp().toBuffer();
    expect((await prepareReference(nativeCodec, webp)).format).toBe('webp');
    expect(referenceDataUri({ data: webp, format: 'webp' })).toMatch(/^data:image\/webp;base64,/);
  });

  it('accepts BMP as it is, though it cannot be decoded here', async () => {
    const bmp = bmpFixture(16, 16);
    expect(await prepareReference(nativeCodec, bmp)).toMatchObject({
      format: 'bmp',
      width: 16,
      height: 16,
      notice: null,
    });
  });

  it('downsizes an image over 6000 pixels and says so', async () => {
    const big = await flat(7000, 600).jpeg().toBuffer();
    const prepared = await prepareReference(nativeCodec, big);
    expect(prepared).toMatchObject({ format: 'jpeg', width: 6000 });
    expect(prepared.height).toBeGreaterThanOrEqual(514);
    expect(prepared.notice).toContain('7000x600');
    expect(prepared.notice).toContain('6000-pixel limit');
  });

  it('re-encodes a file over 10 MB until it fits, keeping transparency as PNG', async () => {
    const noisy = await sharp(randomBytes(1900 * 1900 * 4), {
      raw: { width: 1900, height: 1900, channels: 4 },
    })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(noisy.length).toBeGreaterThan(referenceLimits.maxBytes);
    const prepared = await prepareReference(nativeCodec, noisy);
    expect(prepared.format).toBe('png');
    expect(prepared.data.length).toBeLessThanOrEqual(referenceLimits.maxBytes);
    expect(sniffImage(prepared.data)).toMatchObject({ status: 'ok' });
    expect(prepared.notice).toContain('10 MB limit');
  });

  it('converts a format the API refuses', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="90"><rect width="120" height="90" fill="red"/></svg>',
    );
    const prepared = await prepareReference(nativeCodec, svg);
    expect(prepared).toMatchObject({ format: 'png', width: 120, height: 90 });
    expect(prepared.notice).toContain('SVG images are not accepted');
  });

  it('refuses what cannot be fixed, saying why', async () => {
    expect(await refusal(Buffer.from('just some text'))).toContain('not an image');
    expect(await refusal(await flat(14, 100).png().toBuffer())).toContain('over 14 pixels');
    expect(await refusal(await flat(1700, 100).png().toBuffer())).toContain('16 times');
  });
});
