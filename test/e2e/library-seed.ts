import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { libraryDirIn } from '../../src-main/settings/user-data-layout';
import { fileExists } from '../../src-main/library/file-store';
import { openLibrary, type Library } from '../../src-main/library/library';
import { sceneSvg } from '../fake-cometapi/scene-svg';
import { nativeCodec } from '../support/codecs';

/**
 * Seeds a user-data folder with a library made through the library module itself, as a real history of
 * generations would: sequences of one to four images, English and Chinese prompts, three models, references to
 * earlier images, favorites, a tag and a collection. Built once per size into a template folder under the
 * system temp dir, then copied, because 100 000 durable ingests take minutes.
 */

export interface SeededGeneration {
  id: number;
  prompt: string;
  model: string;
  imageIds: number[];
  /** Images of earlier generations this one was made from. */
  referenceIds: number[];
  /** When it and its images were made, epoch ms. */
  createdAt: number;
}

export interface SeededLibrary {
  images: number;
  generations: SeededGeneration[];
  favoriteIds: number[];
  tag: { name: string; imageIds: number[] };
  collection: { name: string; imageIds: number[] };
  /** Images by the size filter's bands (the rest are small). */
  medium: number[];
  large: number[];
}

const templateVersion = 7;
const models = ['doubao-seedream-4-0-250828', 'doubao-seedream-4-5-251128', 'doubao-seedream-5-0-260128'];
const subjects = [
  'a lighthouse on a windy cliff',
  'a red fox in fresh snow',
  'a quiet tea house in the mountains',
  'a neon street market at night',
  'a paper boat on a rain puddle',
  'an astronaut tending a greenhouse',
  'a koi pond under cherry blossoms',
  'a vintage bicycle against a yellow wall',
  'a glass terrarium with tiny ferns',
  'a desert observatory under the milky way',
  '一只在竹林里睡觉的熊猫',
  '雨后的江南小镇，石板路和灯笼',
  '水墨风格的山水与孤舟',
  '未来城市的空中花园',
];
const styles = [
  'soft morning light, 35mm photo',
  'flat vector illustration, pastel palette',
  'cinematic, volumetric fog',
  'watercolor on textured paper',
  'isometric 3D render, clay materials',
  '胶片质感，暖色调',
];
/** Images per generation, cycled: single images and sequences of two to four. */
const sequenceSizes = [1, 4, 1, 2, 1, 3, 1, 1, 2, 4];
/** Distinct picture files; beyond this, content repeats (the store keeps one file per content). */
const designCount = 240;
const designSize = 384;
/** A few larger files, so the size filter has something to find in every band. */
const largeDesigns = new Map<number, number>([
  [7, 1200],
  [77, 1200],
  [177, 2100],
]);

function pixelsOfImage(index: number): number {
  const side = largeDesigns.get(index % designCount) ?? designSize;
  return side * side;
}

function promptOf(index: number): string {
  const subject = subjects[index % subjects.length] ?? '';
  const style = styles[Math.floor(index / subjects.length) % styles.length] ?? '';
  return `${subject}, ${style}`;
}

interface Design {
  bytes: Buffer;
  sha256: string;
  size: number;
}

async function renderDesign(design: number): Promise<Design> {
  const size = largeDesigns.get(design) ?? designSize;
  const bytes = await sharp(Buffer.from(sceneSvg(design, size, size)))
    .png({ compressionLevel: 3 })
    .toBuffer();
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), size };
}

async function storeImage(library: Library, generationId: number, position: number, design: Design) {
  const tmpPath = path.join(library.context.tmpDir, `seed-${generationId}-${position}.png`);
  await writeFile(tmpPath, design.bytes);
  const stored = await library.imageStore.store(
    { generationId, position },
    {
      tmpPath,
      sha256: design.sha256,
      bytes: design.bytes.byteLength,
      format: 'png',
      width: design.size,
      height: design.size,
    },
  );
  return stored.image.id;
}

async function build(
  dir: string,
  imageCount: number,
  onProgress: (done: number) => void,
): Promise<SeededLibrary> {
  const designs = new Map<number, Design>();
  const designOf = async (index: number) => {
    const design = index % designCount;
    let rendered = designs.get(design);
    if (!rendered) {
      rendered = await renderDesign(design);
      designs.set(design, rendered);
    }
    return rendered;
  };
  // History from a month ago until an hour ago, oldest first, so ids grow with time as in real use.
  const end = Date.now() - 3_600_000;
  const start = end - 30 * 86_400_000;
  const expectedGenerations = Math.ceil(imageCount / 2);
  let clock = start;
  const library = await openLibrary({ dir, now: () => clock, codec: nativeCodec });
  const generations: SeededGeneration[] = [];
  const allImages: number[] = [];
  try {
    for (let index = 0; allImages.length < imageCount; index += 1) {
      clock = Math.min(end, start + Math.round(((end - start) * index) / expectedGenerations));
      const images = Math.min(
        sequenceSizes[index % sequenceSizes.length] ?? 1,
        imageCount - allImages.length,
      );
      const prompt = promptOf(index);
      const model = models[index % models.length] ?? '';
      const earlier = allImages.length;
      const picks = [allImages[(index * 31) % earlier], allImages[(index * 17 + 1) % earlier]];
      const referenceIds =
        index >= 10 && index % 7 === 3
          ? [...new Set(picks.filter((id): id is number => id !== undefined))].slice(0, 1 + (index % 2))
          : [];
      const params = {
        model,
        prompt,
        size: '2K',
        response_format: 'url',
        output_format: 'png',
        watermark: false,
        sequential_image_generation: images > 1 ? 'auto' : 'disabled',
        ...(images > 1 ? { sequential_image_generation_options: { max_images: images } } : {}),
      };
      const id = library.generations.create({
        kind: 'api',
        prompt,
        model,
        params,
        requestedImages: images,
        referenceIds,
        ownerPid: process.pid,
      });
      const imageIds: number[] = [];
      for (let position = 0; position < images; position += 1) {
        imageIds.push(await storeImage(library, id, position, await designOf(allImages.length + position)));
      }
      library.generations.finish(id, {
        status: 'succeeded',
        usage: { generatedImages: images, outputTokens: images * 16_384, totalTokens: images * 16_384 },
      });
      allImages.push(...imageIds);
      if (index % 500 === 0) onProgress(allImages.length);
      generations.push({ id, prompt, model, imageIds, referenceIds, createdAt: clock });
    }
    const favorites = allImages.filter((_, index) => index % 9 === 4);
    library.operations.setFavorite(favorites, true);
    const tagged = allImages.filter((_, index) => index % 30 === 11);
    const tag = library.operations.addTag(tagged, 'sky');
    const collected = allImages.filter((_, index) => index % 25 === 6);
    const collection = library.operations.createCollection('Portfolio');
    library.operations.addToCollection(collection.id, collected);
    return {
      images: allImages.length,
      generations,
      favoriteIds: favorites,
      tag: { name: tag.name, imageIds: tagged },
      collection: { name: collection.name, imageIds: collected },
      medium: allImages.filter(
        (_, index) => pixelsOfImage(index) >= 1_000_000 && pixelsOfImage(index) <= 4_000_000,
      ),
      large: allImages.filter((_, index) => pixelsOfImage(index) > 4_000_000),
    };
  } finally {
    library.close();
  }
}

/** Fills `<userDataDir>/library` (the folder the app opens) with `imageCount` images; returns what it holds. */
export async function seedLibrary(
  userDataDir: string,
  imageCount: number,
  onProgress: (done: number) => void = () => undefined,
): Promise<SeededLibrary> {
  const template = path.join(tmpdir(), `seedream-seeded-library-v${templateVersion}-${imageCount}`);
  const manifest = path.join(template, 'seeded.json');
  if (!(await fileExists(manifest))) {
    await rm(template, { recursive: true, force: true });
    await mkdir(template, { recursive: true });
    const seeded = await build(path.join(template, 'library'), imageCount, onProgress);
    // Written last: a build that was interrupted leaves no manifest and is started over next time.
    await writeFile(manifest, JSON.stringify(seeded));
  }
  const target = libraryDirIn(userDataDir);
  await rm(target, { recursive: true, force: true });
  await cp(path.join(template, 'library'), target, { recursive: true });
  return JSON.parse(await readFile(manifest, 'utf8')) as SeededLibrary;
}

/** Image ids of the generations that pass `keep`, newest first, as the library lists them. */
export function imageIdsOf(
  seeded: SeededLibrary,
  keep: (generation: SeededGeneration) => boolean = () => true,
) {
  return seeded.generations
    .filter(keep)
    .flatMap((generation) => generation.imageIds)
    .sort((a, b) => b - a);
}

/** The generation an image belongs to. */
export function generationOf(seeded: SeededLibrary, imageId: number): SeededGeneration {
  const generation = seeded.generations.find((candidate) => candidate.imageIds.includes(imageId));
  if (!generation) throw new Error(`Image ${imageId} was not seeded.`);
  return generation;
}
