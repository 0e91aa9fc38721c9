import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { prepareReference } from '../../src-main/generation/references';
import { readMetadata } from '../../src-main/library/image-metadata';
import { loadImageCodec, type CodecBuild, type ImageCodec } from '../../src-main/media/image-codec';
import { sniffImage } from '../../src-main/media/image-info';
import { nativeCodec } from '../support/codecs';
import { tempDir, tempLibrary } from './fixtures';

const codecs: Record<CodecBuild, ImageCodec> = { native: nativeCodec, wasm: loadImageCodec('wasm') };

/** A small SVG: the API does not take SVG, so it must be decoded and re-encoded (with its transparency). */
const svgReference = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="48"><circle cx="32" cy="24" r="20" fill="#e05020"/></svg>',
);

async function webpOriginal(codec: ImageCodec): Promise<Buffer> {
  return codec
    .sharp({ create: { width: 300, height: 200, channels: 3, background: '#3060a0' } })
    .webp({ quality: 90 })
    .toBuffer();
}

// The WebAssembly build is about four times slower, so the images stay small; both builds run every step.
describe.each(Object.keys(codecs) as CodecBuild[])('the image pipeline with the %s build', (build) => {
  const codec = codecs[build];

  it('converts a reference the API would refuse', async () => {
    const prepared = await prepareReference(codec, svgReference);
    expect(prepared.format).toBe('png');
    expect([prepared.width, prepared.height]).toEqual([64, 48]);
    expect(prepared.notice).toMatch(/SVG images are not accepted/);
  });

  it('imports, makes thumbnails and exports a WebP original', async () => {
    const library = await tempLibrary({ codec });
    const [outcome] = await library.importFiles([{ name: 'blue.webp', bytes: await webpOriginal(codec) }]);
    const image = outcome?.image;
    if (!image) throw new Error(`not imported: ${JSON.stringify(outcome?.error)}`);
    await library.thumbnails.idle();
    for (const size of [256, 1024] as const) {
      const thumbnail = sniffImage(await readFile(library.thumbnailPath(image, size)));
      // Fit inside, never enlarged: 300x200 becomes 256x171, and stays 300x200 for the 1024 px size.
      const expected = size === 256 ? { width: 256, height: 171 } : { width: 300, height: 200 };
      expect(thumbnail.status === 'ok' && thumbnail.info).toMatchObject({ format: 'webp', ...expected });
    }
    const exported = await library.exportImages([image.id], await tempDir());
    const [file] = exported.exported;
    if (!file) throw new Error('not exported');
    expect(sniffImage(await readFile(file.file)).status).toBe('ok');
    expect(readMetadata(await readFile(file.file), 'webp')).toBeNull();
  });
});

describe('both builds', () => {
  it('make byte-identical thumbnails', async () => {
    const source = await webpOriginal(nativeCodec);
    const thumbnails = await Promise.all(
      Object.values(codecs).map(async (codec) => {
        const library = await tempLibrary({ codec });
        const [outcome] = await library.importFiles([{ name: 'same.webp', bytes: source }]);
        if (!outcome?.image) throw new Error('not imported');
        await library.thumbnails.idle();
        return readFile(library.thumbnailPath(outcome.image, 256));
      }),
    );
    expect(thumbnails[1]?.equals(thumbnails[0] ?? Buffer.alloc(0))).toBe(true);
  });
});
