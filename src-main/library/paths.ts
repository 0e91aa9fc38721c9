import path from 'node:path';
import type { ImageFormat } from '../media/image-info';

/** Where everything of one library lives. A backup has the same layout, so it can be opened as a library. */
export interface LibraryPaths {
  root: string;
  catalog: string;
  files: string;
  thumbnails: string;
  /** Downloads and imports in progress; on the same filesystem as `files`, so moving one in is atomic. */
  tmp: string;
  /** Files the integrity check found without a catalog row, kept for the user instead of deleted. */
  recovered: string;
}

export const thumbnailSizes = [256, 1024] as const;
export type ThumbnailSize = (typeof thumbnailSizes)[number];

export const catalogFileName = 'catalog.sqlite';

export function libraryPaths(root: string): LibraryPaths {
  const absolute = path.resolve(root);
  return {
    root: absolute,
    catalog: path.join(absolute, catalogFileName),
    files: path.join(absolute, 'files'),
    thumbnails: path.join(absolute, 'thumbnails'),
    tmp: path.join(absolute, 'tmp'),
    recovered: path.join(absolute, 'recovered'),
  };
}

const extensions: Record<ImageFormat, string> = {
  png: 'png',
  jpeg: 'jpg',
  webp: 'webp',
  gif: 'gif',
  bmp: 'bmp',
  tiff: 'tif',
};

export function formatExtension(format: ImageFormat): string {
  return extensions[format];
}

/** The name a stored file has: its content hash, so equal content is stored once and a name proves content. */
export function storedFileName(sha256: string, format: ImageFormat): string {
  return `${sha256}.${extensions[format]}`;
}

/** Files fan out over 256 folders by the first two hex digits, so no folder grows huge. */
export function imageFilePath(paths: LibraryPaths, sha256: string, format: ImageFormat): string {
  return path.join(paths.files, sha256.slice(0, 2), storedFileName(sha256, format));
}

export function thumbnailPath(paths: LibraryPaths, sha256: string, size: ThumbnailSize): string {
  return path.join(paths.thumbnails, String(size), sha256.slice(0, 2), `${sha256}.webp`);
}

/** A time as it can stand in a folder name on every system (no colons). */
export function folderStamp(at: number): string {
  return new Date(at)
    .toISOString()
    .replaceAll(':', '-')
    .replace(/\.\d+Z$/, 'Z');
}
