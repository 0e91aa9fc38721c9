import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../src-preload/contract/errors';
import { prepareReference, referenceDataUri, referenceLimits } from '../../src-main/generation/references';
import { sniffImage } from '../../src-main/media/image-info';
import { bmpFixture } from '../media/bmp-fixture';
import { pngBomb } from '../media/png-bomb';
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

  it('refuses an image over the pixel limit from its header, naming its size, before decoding it', async () => {
    expect(await refusal(pngBomb(20_000, 20_000))).toBe(
      'It is 20000 x 20000 pixels (400.0 megapixels); images over 100 megapixels are not accepted.',
    );
    const svgBomb = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="30000" height="30000"/>');
    expect(await refusal(svgBomb)).toBe(
      'This SVG drawing is over 100 megapixels, the largest size accepted.',
    );
  });

  it('rasterises a plain SVG drawing but refuses one that reaches outside itself', async () => {
    const gradient = Buffer.from(
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="60" height="40">' +
        '<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs>' +
        '<rect id="r" width="60" height="40" fill="url(#g)"/><use href="#r"/></svg>',
    );
    expect(await prepareReference(nativeCodec, gradient)).toMatchObject({
      format: 'png',
      width: 60,
      height: 40,
    });
    const svg = (inner: string) =>
      Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="60" height="40">${inner}</svg>`);
    for (const reaching of [
      svg('<image href="file:///etc/passwd" width="10" height="10"/>'),
      svg('<image xlink:href="https://tracker.example/pixel.png" width="10" height="10"/>'),
      svg('<rect width="10" height="10" style="fill:url(https://evil.example/x.svg#p)"/>'),
      svg('<style>@import "https://evil.example/a.css";</style>'),
      svg('<rect width="10" height="10" style="fill:\\75 rl(x)"/>'),
      svg('<script>alert(1)</script>'),
      Buffer.from(
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg width="9" height="9">&x;</svg>',
      ),
    ]) {
      expect(await refusal(reaching)).toContain('refers to other files, addresses or scripts');
    }
  });

  it('calls a damaged PNG damaged instead of asking for the PNG it already is', async () => {
    const png = await flat(7000, 600).png().toBuffer();
    const idat = png.indexOf('IDAT');
    const damaged = Buffer.concat([
      png.subarray(0, idat + 8),
      Buffer.alloc(64, 0xff),
      png.subarray(idat + 72),
    ]);
    const message = await refusal(damaged);
    expect(message).toContain('This PNG image is over the API limits');
    expect(message).toContain('It may be damaged');
    expect(message).not.toMatch(/save it as JPEG or PNG/i);
  });

  it('refuses what cannot be fixed, saying why', async () => {
    expect(await refusal(Buffer.from('just some text'))).toContain('not an image');
    expect(await refusal(await flat(14, 100).png().toBuffer())).toContain('over 14 pixels');
    expect(await refusal(await flat(1700, 100).png().toBuffer())).toContain('16 times');
  });
});
