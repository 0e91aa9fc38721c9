import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { endLooksComplete, sniffImage } from '../../src-main/media/image-info';
import { bmpFixture as bmp } from './bmp-fixture';

async function encode(
  format: 'png' | 'jpeg' | 'webp' | 'gif' | 'tiff',
  width: number,
  height: number,
): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3, 128);
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .toFormat(format)
    .toBuffer();
}

describe('sniffImage', () => {
  it.each(['png', 'jpeg', 'webp', 'gif', 'tiff'] as const)(
    'reads %s format and dimensions',
    async (format) => {
      const bytes = await encode(format, 37, 21);
      expect(sniffImage(bytes)).toEqual({ status: 'ok', info: { format, width: 37, height: 21 } });
    },
  );

  it('reads lossless and extended WebP headers', async () => {
    const pixels = Buffer.alloc(50 * 30 * 4, 200);
    const lossless = await sharp(pixels, { raw: { width: 50, height: 30, channels: 4 } })
      .webp({ lossless: true })
      .toBuffer();
    expect(sniffImage(lossless)).toEqual({ status: 'ok', info: { format: 'webp', width: 50, height: 30 } });
    const extended = await sharp(pixels, { raw: { width: 50, height: 30, channels: 4 } })
      .webp()
      .withMetadata({ exif: { IFD0: { Copyright: 'test' } } })
      .toBuffer();
    expect(sniffImage(extended)).toEqual({ status: 'ok', info: { format: 'webp', width: 50, height: 30 } });
  });

  it('reads a top-down BMP', () => {
    expect(sniffImage(bmp(9, 7))).toEqual({ status: 'ok', info: { format: 'bmp', width: 9, height: 7 } });
  });

  it('gives a JPEG the size it is shown at: turned a quarter by its EXIF orientation, as browsers draw it', async () => {
    const landscape = await encode('jpeg', 300, 200);
    for (const orientation of [1, 2, 3, 4]) {
      const bytes = await sharp(landscape).withMetadata({ orientation }).toBuffer();
      expect(sniffImage(bytes)).toEqual({ status: 'ok', info: { format: 'jpeg', width: 300, height: 200 } });
    }
    for (const orientation of [5, 6, 7, 8]) {
      const bytes = await sharp(landscape).withMetadata({ orientation }).toBuffer();
      expect(sniffImage(bytes)).toEqual({ status: 'ok', info: { format: 'jpeg', width: 200, height: 300 } });
      // What sharp turns upright, as main's flattening does, has that same size.
      const upright = await sharp(bytes).rotate().toBuffer({ resolveWithObject: true });
      expect([upright.info.width, upright.info.height]).toEqual([200, 300]);
    }
  });

  it('finds the JPEG frame header behind a large metadata segment', async () => {
    const withExif = await sharp(await encode('jpeg', 64, 48))
      .withMetadata({ exif: { IFD0: { ImageDescription: 'x'.repeat(20_000) } } })
      .toBuffer();
    expect(sniffImage(withExif)).toEqual({ status: 'ok', info: { format: 'jpeg', width: 64, height: 48 } });
    expect(sniffImage(withExif.subarray(0, 4_000))).toEqual({ status: 'incomplete', format: 'jpeg' });
  });

  it('refuses what is not an image', () => {
    expect(sniffImage(Buffer.from('<html>AccessDenied</html>'))).toEqual({ status: 'unknown' });
    expect(sniffImage(Buffer.from('{"Code":"AccessDenied"}'))).toEqual({ status: 'unknown' });
    expect(sniffImage(new Uint8Array(0))).toEqual({ status: 'unknown' });
  });

  it('says incomplete when the signature fits but the header is cut', async () => {
    const png = await encode('png', 10, 10);
    expect(sniffImage(png.subarray(0, 12))).toEqual({ status: 'incomplete', format: 'png' });
  });
});

describe('endLooksComplete', () => {
  it.each(['png', 'jpeg', 'webp', 'gif'] as const)(
    'accepts a whole %s and refuses a cut one',
    async (format) => {
      const whole = await encode(format, 40, 40);
      const cut = whole.subarray(0, whole.length - 20);
      expect(endLooksComplete(format, whole.subarray(0, 64), whole.subarray(-64), whole.length)).toBe(true);
      expect(endLooksComplete(format, cut.subarray(0, 64), cut.subarray(-64), cut.length)).toBe(false);
    },
  );

  it('checks the BMP declared size', () => {
    const whole = bmp(5, 5);
    const cut = whole.subarray(0, whole.length - 4);
    expect(endLooksComplete('bmp', whole, whole, whole.length)).toBe(true);
    expect(endLooksComplete('bmp', cut, cut, cut.length)).toBe(false);
  });
});
