import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { promptSlug } from '../../src-main/library/image-export';
import { readImportFiles } from '../../src-main/library/image-import';
import {
  embedMetadata,
  readJpegXmp,
  readMetadata,
  readPngText,
  type ImageMetadata,
} from '../../src-main/library/image-metadata';
import type { Library } from '../../src-main/library/library';
import { jpegBytes, pngBytes, tempDir, tempLibrary } from './fixtures';

const metadata: ImageMetadata = {
  app: 'Seedream Studio',
  prompt: '一只猫 & a "cat" <on> the roof',
  model: 'doubao-seedream-4-0-250828',
  parameters: { size: '2048x2048', watermark: false, seed: 42 },
};

async function pixels(bytes: Buffer): Promise<Buffer> {
  return sharp(bytes).raw().toBuffer();
}

describe('metadata inside image files', () => {
  it('round-trips through a PNG text chunk without touching the pixels', async () => {
    const png = await pngBytes(3);
    const embedded = embedMetadata(png, 'png', metadata);
    if (!embedded) throw new Error('not embedded');
    expect(readMetadata(embedded, 'png')).toEqual(metadata);
    expect(readPngText(embedded).get('Description')).toBe(metadata.prompt);
    expect(await pixels(embedded)).toEqual(await pixels(png));
    const again = embedMetadata(embedded, 'png', { ...metadata, prompt: 'second' });
    if (!again) throw new Error('not embedded');
    expect(readMetadata(again, 'png')?.prompt).toBe('second');
    expect([...readPngText(again).keys()].sort()).toEqual(['Description', 'Software', 'seedream-studio']);
    expect(again.toString('latin1').split('iTXtseedream-studio')).toHaveLength(2);
  });

  it('round-trips through JPEG XMP that other readers find', async () => {
    const jpeg = await jpegBytes(4);
    const embedded = embedMetadata(jpeg, 'jpeg', metadata);
    if (!embedded) throw new Error('not embedded');
    expect(readMetadata(embedded, 'jpeg')).toEqual(metadata);
    expect(await pixels(embedded)).toEqual(await pixels(jpeg));
    const xmp = (await sharp(embedded).metadata()).xmp?.toString('utf8');
    expect(xmp).toContain('一只猫 &amp; a &quot;cat&quot; &lt;on&gt; the roof');
    const again = embedMetadata(embedded, 'jpeg', { ...metadata, prompt: 'second' });
    expect(again && readJpegXmp(again)?.match(/xpacket begin/g)).toHaveLength(1);
  });

  it('reads nothing from files without metadata and leaves other formats alone', async () => {
    expect(readMetadata(await pngBytes(5), 'png')).toBeNull();
    expect(readMetadata(await jpegBytes(5), 'jpeg')).toBeNull();
    expect(embedMetadata(Buffer.from('RIFF0000WEBP'), 'webp', metadata)).toBeNull();
    expect(readMetadata(Buffer.from('not a png'), 'png')).toBeNull();
  });

  it('makes file names from prompts', () => {
    expect(promptSlug('A cat, sleeping: on the "roof"!')).toBe('a-cat-sleeping-on-the-roof');
    expect(promptSlug('一只猫在屋顶上')).toBe('一只猫在屋顶上');
    expect(promptSlug('...')).toBe('image');
    expect(promptSlug('x'.repeat(100))).toHaveLength(40);
  });
});

async function generationWith(
  library: Library,
  prompt: string,
  files: { bytes: Buffer; format: 'png' | 'jpeg' }[],
) {
  const generationId = library.generations.create({
    kind: 'api',
    prompt,
    model: 'doubao-seedream-4-5-251128',
    params: { model: 'doubao-seedream-4-5-251128', prompt, size: '2048x2048', watermark: false },
    requestedImages: files.length,
    referenceIds: [],
    ownerPid: process.pid,
  });
  const images = [];
  for (const [position, file] of files.entries()) {
    const tmpPath = path.join(library.context.tmpDir, `staged-${position}`);
    await writeFile(tmpPath, file.bytes);
    const meta = await sharp(file.bytes).metadata();
    const staged = {
      tmpPath,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      bytes: file.bytes.length,
      format: file.format,
      width: meta.width,
      height: meta.height,
    };
    images.push((await library.imageStore.store({ generationId, position }, staged)).image);
  }
  library.generations.finish(generationId, { status: 'succeeded' });
  return images;
}

describe('export and import', () => {
  it('exports files with embedded metadata and sidecars, never overwriting', async () => {
    const library = await tempLibrary();
    const images = await generationWith(library, '屋顶上的猫 cat on a roof', [
      { bytes: await pngBytes(10), format: 'png' },
      { bytes: await jpegBytes(11), format: 'jpeg' },
    ]);
    const folder = await tempDir();
    const ids = images.map((image) => image.id);
    const result = await library.exportImages(ids, folder);
    expect(result.skipped).toEqual([]);
    expect(result.exported.map((entry) => entry.embedded)).toEqual([true, true]);
    for (const [index, entry] of result.exported.entries()) {
      const format = index === 0 ? 'png' : 'jpeg';
      const inside = readMetadata(await readFile(entry.file), format);
      const sidecar = JSON.parse(await readFile(entry.sidecar, 'utf8')) as ImageMetadata;
      expect(inside).toEqual(sidecar);
      expect(sidecar).toMatchObject({
        prompt: '屋顶上的猫 cat on a roof',
        model: 'doubao-seedream-4-5-251128',
        parameters: { size: '2048x2048', watermark: false },
        position: index,
        sha256: images[index]?.sha256,
      });
      expect(path.basename(entry.file)).toMatch(/^\d{4}-\d\d-\d\d-屋顶上的猫-cat-on-a-roof-\d+\.(png|jpg)$/);
    }
    const second = await library.exportImages(ids.slice(0, 1), folder);
    expect(second.exported[0]?.file).toMatch(/-2\.png$/);
    expect((await readdir(folder)).length).toBe(6);
  });

  it('skips images whose file is gone', async () => {
    const library = await tempLibrary();
    const [image] = await generationWith(library, 'gone', [{ bytes: await pngBytes(12), format: 'png' }]);
    if (!image) throw new Error('fixture');
    await rm(library.filePath(image));
    const result = await library.exportImages([image.id, 999], await tempDir());
    expect(result.exported).toEqual([]);
    expect(result.skipped.map((entry) => entry.reason)).toEqual([
      'Its file is missing from the library.',
      'It is no longer in the library.',
    ]);
  });

  it('imports exported files back with their prompt, and reports bad files and duplicates apart', async () => {
    const source = await tempLibrary();
    const images = await generationWith(source, '屋顶上的猫 cat on a roof', [
      { bytes: await pngBytes(20), format: 'png' },
      { bytes: await jpegBytes(21), format: 'jpeg' },
    ]);
    const folder = await tempDir();
    const exported = await source.exportImages(
      images.map((image) => image.id),
      folder,
    );
    const target = await tempLibrary();
    const files = await readImportFiles(exported.exported.map((entry) => entry.file));
    const outcomes = await target.importFiles([
      ...files,
      { name: 'notes.txt', bytes: Buffer.from('hello') },
      { name: 'plain.png', bytes: await pngBytes(22) },
    ]);
    expect(
      outcomes.map((outcome) => [outcome.name.slice(-4), outcome.withMetadata, outcome.error?.code ?? null]),
    ).toEqual([
      ['.png', true, null],
      ['.jpg', true, null],
      ['.txt', false, 'invalid-image'],
      ['.png', false, null],
    ]);
    expect(outcomes[2]?.error?.message).toContain('notes.txt');
    expect(target.images.list({ query: '猫' }).items.map((image) => image.format)).toEqual(['jpeg', 'png']);
    const detail = target.details.detail(outcomes[0]?.image?.id ?? 0);
    expect(detail?.generation).toMatchObject({
      kind: 'import',
      status: 'imported',
      model: 'doubao-seedream-4-5-251128',
      params: { size: '2048x2048', watermark: false },
    });
    expect(target.details.detail(outcomes[3]?.image?.id ?? 0)).toMatchObject({
      generation: null,
      image: { prompt: '' },
    });

    const plain = outcomes[3]?.image;
    if (!plain) throw new Error('fixture');
    target.operations.trash([plain.id]);
    const again = await target.importFiles([{ name: 'again.png', bytes: await pngBytes(22) }]);
    expect(again[0]).toMatchObject({ duplicate: true, image: { id: plain.id } });
    expect(target.images.image(plain.id)?.trashedAt).toBeNull();
    expect(target.summary.stats().images).toBe(3);
  });

  it('takes a sidecar over what the file carries', async () => {
    const folder = await tempDir();
    const file = path.join(folder, 'picture.png');
    await writeFile(file, await pngBytes(30));
    await writeFile(
      path.join(folder, 'picture.json'),
      JSON.stringify({ ...metadata, prompt: 'from the sidecar' }),
    );
    const [read] = await readImportFiles([file]);
    expect(read?.sidecar?.prompt).toBe('from the sidecar');
    await expect(readImportFiles([path.join(folder, 'missing.png')])).rejects.toThrow(/cannot be read/);
  });
});
