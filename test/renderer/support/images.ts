import type { LibraryImage } from '../../../src-preload/contract/library-types';

/** A library image as main sends it; only what a test names differs from the defaults. */
export function image(id: number, overrides: Partial<LibraryImage> = {}): LibraryImage {
  return {
    id,
    generationId: id,
    position: 0,
    sha256: id.toString(16).padStart(64, '0'),
    width: 1024,
    height: 1024,
    format: 'png',
    bytes: 1000,
    favorite: false,
    createdAt: 1_700_000_000_000 + id * 1000,
    trashedAt: null,
    fileState: 'ok',
    previewProblem: null,
    prompt: `prompt ${id}`,
    model: 'doubao-seedream-4-5-251128',
    src: `media://files/${id}.png`,
    thumbSrc: `media://thumbnails/256/${id}.webp`,
    previewSrc: `media://thumbnails/1024/${id}.webp`,
    ...overrides,
  };
}
