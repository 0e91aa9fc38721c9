import { mkdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { ImageCodec } from '../media/image-codec';
import { sharpInputOptions } from '../media/image-limits';
import { fileExists, tmpName } from './file-store';
import { thumbnailPath, thumbnailSizes, type LibraryPaths, type ThumbnailSize } from './paths';

const quality: Record<ThumbnailSize, number> = { 256: 70, 1024: 80 };

async function writeAtomically(target: string, tmpDir: string, write: (tmp: string) => Promise<unknown>) {
  await mkdir(path.dirname(target), { recursive: true });
  const tmp = tmpName(tmpDir, 'thumb');
  try {
    await write(tmp);
    await rename(tmp, target);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
}

/**
 * Makes the 256 px and 1024 px WebP thumbnails of an image (fit inside, never enlarged). sharp runs on libuv's
 * threads, so the JavaScript thread stays free; the source is decoded once, at 1024 px, and the small one is
 * made from that. Thumbnails can always be made again, so they are not synced; each appears whole or not at all.
 */
export async function makeThumbnails(
  codec: ImageCodec,
  paths: LibraryPaths,
  source: string,
  sha256: string,
  tmpDir: string,
  options: { overwrite?: boolean } = {},
): Promise<void> {
  const targets = thumbnailSizes.map((size) => ({ size, file: thumbnailPath(paths, sha256, size) }));
  if (options.overwrite !== true) {
    const present = await Promise.all(targets.map((target) => fileExists(target.file)));
    if (present.every(Boolean)) return;
  }
  const { data, info } = await codec
    .sharp(source, sharpInputOptions)
    .autoOrient()
    .resize(1024, 1024, { fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = { width: info.width, height: info.height, channels: info.channels };
  await Promise.all(
    targets.map(({ size, file }) =>
      writeAtomically(file, tmpDir, (tmp) => {
        let pipeline = codec.sharp(data, { raw });
        if (size < 1024) pipeline = pipeline.resize(size, size, { fit: 'inside', withoutEnlargement: true });
        return pipeline.webp({ quality: quality[size] }).toFile(tmp);
      }),
    ),
  );
}

/** Why no preview could be made, in plain words, for the library to show in place of one. */
export function previewProblemOf(error: unknown): string {
  const detail = (error instanceof Error ? error.message : String(error))
    .replace(/\s+/g, ' ')
    .replace(/[\s:.]+$/, '')
    .slice(0, 160);
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  let reason = 'the image could not be decoded';
  if (/pixel limit/i.test(detail)) reason = 'the image has more pixels than the app will decode';
  else if (code === 'ENOENT' || /missing|no such file/i.test(detail)) reason = 'its file is missing';
  else if (code === 'ENOSPC') reason = 'the disk is full';
  else if (/corrupt|premature|truncat|bad seek|unsupported image format|invalid/i.test(detail)) {
    reason = 'its image data cannot be read, so the file may be damaged';
  }
  return `No preview could be made of this image: ${reason}${detail === '' ? '' : ` (${detail})`}.`;
}
