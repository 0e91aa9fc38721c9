import type { ImageRecord } from '../library/records';

/** An image as `--json` prints it: the file's absolute path instead of the library's internal fields. */
export interface CliImage {
  id: number;
  path: string;
  sha256: string;
  width: number;
  height: number;
}

export interface CliListedImage extends CliImage {
  prompt: string;
  model: string;
  /** ISO 8601, UTC. */
  createdAt: string;
}

export function cliImage(image: ImageRecord, path: string): CliImage {
  return { id: image.id, path, sha256: image.sha256, width: image.width, height: image.height };
}

export function cliListedImage(image: ImageRecord, path: string): CliListedImage {
  return {
    ...cliImage(image, path),
    prompt: image.prompt,
    model: image.model,
    createdAt: new Date(image.createdAt).toISOString(),
  };
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** One line per image for people: id, time, size, model, prompt, then the path on its own line. */
export function imageLines(images: readonly CliListedImage[]): string {
  if (images.length === 0) return 'No images.\n';
  return images
    .map(
      (image) =>
        `#${image.id}  ${image.createdAt.slice(0, 16).replace('T', ' ')}  ${image.width}x${image.height}  ` +
        `${image.model || '(imported)'}  ${oneLine(image.prompt, 60) || '(no prompt)'}\n    ${image.path}\n`,
    )
    .join('');
}
