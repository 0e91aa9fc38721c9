import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { aboutFile, AppFailure, appError, type AppError } from '../../src-preload/contract/errors';
import { ImageFileWriter } from '../media/image-file-writer';
import { sniffImage } from '../media/image-info';
import { readImageFile } from '../media/read-image-file';
import { pixelLimitProblem } from '../media/image-limits';
import type { GenerationStore } from './generation-store';
import { parseMetadataJson, readMetadata, type ImageMetadata } from './image-metadata';
import type { ImageStore } from './image-store';
import type { ImageRecord } from './records';
import type { WriteContext } from './write-context';

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
  /** Metadata from a sidecar file, which wins over what the image carries. */
  sidecar?: ImageMetadata | null;
}

export interface ImportOutcome {
  name: string;
  image: ImageRecord | null;
  /** The same content was already in the library (brought back from the trash if it was there). */
  duplicate: boolean;
  /** A prompt came with the file (embedded or sidecar) and was recorded as an imported generation. */
  withMetadata: boolean;
  error: AppError | null;
}

export interface ImportDeps {
  context: WriteContext;
  generations: GenerationStore;
  imageStore: ImageStore;
  image(id: number): ImageRecord | undefined;
}

function failure(error: unknown, name: string): AppError {
  if (error instanceof AppFailure) return aboutFile(name, error.appError);
  return appError('storage-failed', `${name}: the file could not be added to the library.`);
}

/**
 * The image's format and size from its header, refused when it is not an image or over the pixel limit: a
 * decompression bomb never reaches anything that decodes.
 */
function checkHeader(bytes: Buffer): void {
  // The whole file, so a frame header behind large metadata is still found; headers are read, not decoded.
  const sniffed = sniffImage(bytes);
  if (sniffed.status === 'unknown') {
    throw new AppFailure(appError('invalid-image', 'This is not a PNG, JPEG, WebP, GIF, BMP or TIFF image.'));
  }
  if (sniffed.status === 'incomplete') {
    throw new AppFailure(
      appError(
        'invalid-image',
        `This ${sniffed.format.toUpperCase()} file is cut short; its size cannot be read.`,
      ),
    );
  }
  const tooLarge = pixelLimitProblem(sniffed.info.width, sniffed.info.height);
  if (tooLarge !== null) throw new AppFailure(appError('invalid-image', tooLarge));
}

/**
 * Adds image files to the library. Content already stored is not stored twice; a prompt found in the file
 * (PNG text, JPEG XMP, as the export writes them) or in a sidecar becomes an imported generation, so the image
 * is searchable and can be remixed like one made here. Every file gets its own outcome: one bad file does not
 * stop the others.
 */
export async function importImages(deps: ImportDeps, files: readonly ImportFile[]): Promise<ImportOutcome[]> {
  const { context } = deps;
  const sameContent = context.writer.prepare<[string], { id: number; trashed: number }>(
    'SELECT id, trashed_at IS NOT NULL AS trashed FROM images WHERE sha256 = ? ORDER BY trashed_at IS NOT NULL, id LIMIT 1',
  );
  const restore = context.writer.prepare('UPDATE images SET trashed_at = NULL WHERE id = ?');
  const outcomes: ImportOutcome[] = [];
  for (const file of files) {
    const outcome: ImportOutcome = {
      name: file.name,
      image: null,
      duplicate: false,
      withMetadata: false,
      error: null,
    };
    outcomes.push(outcome);
    try {
      const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
      checkHeader(bytes);
      const existing = sameContent.get(createHash('sha256').update(bytes).digest('hex'));
      if (existing) {
        if (existing.trashed) restore.run(existing.id);
        outcome.image = deps.image(existing.id) ?? null;
        outcome.duplicate = true;
        continue;
      }
      const writer = new ImageFileWriter(context.tmpDir);
      const pending = writer.write(bytes);
      if (pending) await pending;
      const staged = await writer.finish();
      const metadata = file.sidecar ?? readMetadata(bytes, staged.format);
      let generationId: number | null = null;
      if (metadata && metadata.prompt !== '') {
        generationId = deps.generations.create({
          kind: 'import',
          prompt: metadata.prompt,
          model: metadata.model,
          params: metadata.parameters,
          requestedImages: 1,
          referenceIds: [],
          ownerPid: null,
        });
        outcome.withMetadata = true;
      }
      outcome.image = (await deps.imageStore.store({ generationId, position: 0 }, staged)).image;
    } catch (error) {
      outcome.error = failure(error, file.name);
    }
  }
  return outcomes;
}

/** Reads files from disk for `importImages`, with `<file>.json` or `<name>.json` beside each as its sidecar. */
export async function readImportFiles(files: readonly string[]): Promise<ImportFile[]> {
  const read: ImportFile[] = [];
  for (const file of files) {
    const bytes = await readImageFile(file);
    const parsed = path.parse(file);
    let sidecar: ImageMetadata | null = null;
    for (const candidate of [`${file}.json`, path.join(parsed.dir, `${parsed.name}.json`)]) {
      const text = await readFile(candidate, 'utf8').catch(() => null);
      sidecar = text === null ? null : parseMetadataJson(text);
      if (sidecar) break;
    }
    read.push({ name: parsed.base, bytes, sidecar });
  }
  return read;
}
