import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach } from 'vitest';
import type { StagedFile } from '../../src-main/library/file-store';
import { openLibrary, type Library } from '../../src-main/library/library';
import type { ImageCodec } from '../../src-main/media/image-codec';
import { nativeCodec } from '../support/codecs';

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

export async function tempDir(prefix = 'seedream-library-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A library in a fresh folder (or in `dir`) that makes thumbnails in the background as the app does, closed after the test. */
export async function tempLibrary(
  options: {
    now?: () => number;
    dir?: string;
    codec?: ImageCodec;
    thumbnails?: 'background' | 'on-demand';
  } = {},
): Promise<Library> {
  const library = await openLibrary({
    codec: nativeCodec,
    thumbnails: 'background',
    ...options,
    dir: options.dir ?? (await tempDir()),
  });
  cleanups.push(async () => {
    // Thumbnails still being written would race the folder's removal.
    await library.thumbnails.stop();
    library.close();
  });
  return library;
}

/** A small PNG whose content (and so hash) differs for every seed. */
export async function pngBytes(seed: number, width = 32, height = 24): Promise<Buffer> {
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: { r: seed % 256, g: Math.floor(seed / 256) % 256, b: Math.floor(seed / 65536) % 256 },
    },
  })
    .png()
    .toBuffer();
}

export async function jpegBytes(seed: number, width = 32, height = 24): Promise<Buffer> {
  return sharp(await pngBytes(seed, width, height))
    .jpeg()
    .toBuffer();
}

/** What the engine leaves in the library's tmp folder after a download. */
export async function stagePng(library: Library, seed: number, width = 32, height = 24): Promise<StagedFile> {
  const bytes = await pngBytes(seed, width, height);
  const tmpPath = path.join(
    library.context.tmpDir,
    `download-${seed}-${Math.random().toString(16).slice(2)}`,
  );
  await writeFile(tmpPath, bytes);
  return {
    tmpPath,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.byteLength,
    format: 'png',
    width,
    height,
  };
}

export interface GenerationSpec {
  prompt: string;
  model?: string;
  images?: number;
  referenceIds?: number[];
}

/** Records a finished API generation with `images` stored images; returns their records, in slot order. */
export async function addGeneration(library: Library, spec: GenerationSpec, seedBase = nextSeed()) {
  const model = spec.model ?? 'doubao-seedream-4-5-251128';
  const generationId = library.generations.create({
    kind: 'api',
    prompt: spec.prompt,
    model,
    params: { model, prompt: spec.prompt, size: '2048x2048', watermark: false },
    requestedImages: spec.images ?? 1,
    referenceIds: spec.referenceIds ?? [],
    ownerPid: process.pid,
  });
  const images = [];
  for (let position = 0; position < (spec.images ?? 1); position += 1) {
    const stored = await library.imageStore.store(
      { generationId, position },
      await stagePng(library, seedBase + position),
    );
    images.push(stored.image);
  }
  library.generations.finish(generationId, {
    status: 'succeeded',
    usage: { generatedImages: spec.images ?? 1, outputTokens: 16_384, totalTokens: 16_384 },
  });
  // Seeded libraries look like the app's after a while: thumbnails made.
  await library.thumbnails.idle();
  return { generationId, images };
}

let seedCounter = 1;
function nextSeed(): number {
  seedCounter += 100;
  return seedCounter;
}

/** The result slots of a generation as the catalog has them. */
export function slotRows(library: Library, generationId: number) {
  return library.catalog.reader
    .prepare(
      'SELECT position, state, url, error_code AS code FROM result_slots WHERE generation_id = ? ORDER BY 1',
    )
    .all(generationId);
}
