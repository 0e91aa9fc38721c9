import type { LibraryImage } from '../../src-preload/contract/library-types';

/**
 * Images dragged inside the app (results grid, library, reference tray) carry the whole record under this
 * private type, so a drop target never has to look the image up and OS file drops are told apart.
 */
export const imageDragType = 'application/x-seedream-image';

export function setDraggedImages(dataTransfer: DataTransfer, images: LibraryImage[]): void {
  dataTransfer.setData(imageDragType, JSON.stringify(images));
  dataTransfer.effectAllowed = 'copy';
}

function isLibraryImage(value: unknown): value is LibraryImage {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.id === 'number' && typeof record.sha256 === 'string' && typeof record.thumbSrc === 'string'
  );
}

export function getDraggedImages(dataTransfer: DataTransfer): LibraryImage[] {
  const raw = dataTransfer.getData(imageDragType);
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter(isLibraryImage) : [];
  } catch {
    return [];
  }
}

/** Files or images from inside the app: anything that can become a reference. */
export function carriesImages(dataTransfer: DataTransfer): boolean {
  const types = Array.from(dataTransfer.types);
  return types.includes('Files') || types.includes(imageDragType);
}

/** Files from the OS, not an image dragged inside the app (which also carries a file for other apps). */
export function carriesOnlyFiles(dataTransfer: DataTransfer): boolean {
  const types = Array.from(dataTransfer.types);
  return types.includes('Files') && !types.includes(imageDragType);
}
