import type { LibraryImage } from '../../../src-preload/contract/library-types';

/** What an image is called wherever it is named: its prompt, or the words for an image without one. */
export function imageName(image: Pick<LibraryImage, 'prompt'>, untitled: string): string {
  return image.prompt.trim() === '' ? untitled : image.prompt;
}
