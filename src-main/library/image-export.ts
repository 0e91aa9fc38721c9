import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DetailQueries } from './detail-queries';
import { embedMetadata, type ImageMetadata } from './image-metadata';
import { formatExtension, imageFilePath, type LibraryPaths } from './paths';
import type { ImageDetail } from './records';

export interface ExportedImage {
  imageId: number;
  file: string;
  sidecar: string;
  /** False when the format has no place for it (the sidecar still has everything). */
  embedded: boolean;
}

export interface ExportResult {
  folder: string;
  exported: ExportedImage[];
  skipped: { imageId: number; reason: string }[];
}

/** Letters and digits of the prompt, joined by dashes: readable, and valid on every filesystem. */
export function promptSlug(prompt: string, maxLength = 40): string {
  const words = prompt.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > maxLength) {
      if (slug === '') slug = word.slice(0, maxLength);
      break;
    }
    slug = next;
  }
  return slug === '' ? 'image' : slug;
}

function metadataOf(detail: ImageDetail): ImageMetadata {
  const { image, generation } = detail;
  return {
    app: 'Seedream Studio',
    prompt: generation?.prompt ?? '',
    model: generation?.model ?? '',
    parameters: generation?.params ?? {},
    generationId: image.generationId,
    position: image.position,
    createdAt: new Date(image.createdAt).toISOString(),
    sha256: image.sha256,
    width: image.width,
    height: image.height,
    references: detail.references.map((reference) => reference.sha256),
  };
}

/** Writes under a name not yet taken, adding -2, -3… rather than overwriting anything in the user's folder. */
async function writeFresh(folder: string, stem: string, extension: string, bytes: Buffer | string) {
  for (let attempt = 1; ; attempt += 1) {
    const file = path.join(folder, `${attempt === 1 ? stem : `${stem}-${attempt}`}.${extension}`);
    try {
      const handle = await open(file, 'wx');
      try {
        await handle.writeFile(bytes);
      } finally {
        await handle.close();
      }
      return file;
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'EEXIST') continue;
      throw error;
    }
  }
}

/**
 * Copies images into a folder of the user's with the prompt and parameters inside each file (PNG text chunk,
 * JPEG XMP) and beside it as a JSON sidecar named like the image. Images whose file is damaged are skipped
 * and listed.
 */
export async function exportImages(
  deps: { paths: LibraryPaths; details: DetailQueries },
  imageIds: readonly number[],
  folder: string,
): Promise<ExportResult> {
  await mkdir(folder, { recursive: true });
  const result: ExportResult = { folder: path.resolve(folder), exported: [], skipped: [] };
  for (const imageId of imageIds) {
    const detail = deps.details.detail(imageId);
    if (!detail) {
      result.skipped.push({ imageId, reason: 'It is no longer in the library.' });
      continue;
    }
    const { image } = detail;
    let bytes: Buffer;
    try {
      bytes = await readFile(imageFilePath(deps.paths, image.sha256, image.format));
    } catch {
      result.skipped.push({ imageId, reason: 'Its file is missing from the library.' });
      continue;
    }
    if (image.fileState === 'corrupt') {
      result.skipped.push({ imageId, reason: 'Its file is damaged.' });
      continue;
    }
    const metadata = metadataOf(detail);
    const embedded = embedMetadata(bytes, image.format, metadata);
    const date = new Date(image.createdAt).toISOString().slice(0, 10);
    const stem = `${date}-${promptSlug(metadata.prompt)}-${image.id}`;
    const file = await writeFresh(result.folder, stem, formatExtension(image.format), embedded ?? bytes);
    const sidecar = await writeFresh(
      result.folder,
      path.basename(file),
      'json',
      `${JSON.stringify(metadata, null, 2)}\n`,
    );
    result.exported.push({ imageId, file, sidecar, embedded: embedded !== null });
  }
  return result;
}
