import { readFile } from 'node:fs/promises';
import { AppFailure, appError } from '../../src-preload/contract/errors';
import { referenceDataUri } from '../generation/references';
import type { Library } from '../library/library';

/** The request's references as data URIs, read from the library's files in the order given. */
export async function referenceUris(
  library: Pick<Library, 'images' | 'filePath'>,
  referenceIds: readonly number[],
): Promise<string[]> {
  const uris: string[] = [];
  for (const id of referenceIds) {
    const image = library.images.image(id);
    if (!image) throw new AppFailure(appError('not-found', 'A reference image is no longer in the library.'));
    const bytes = await readFile(library.filePath(image)).catch(() => {
      throw new AppFailure(
        appError('not-found', 'The file of a reference image is missing from the library.'),
      );
    });
    uris.push(referenceDataUri({ data: bytes, format: image.format }));
  }
  return uris;
}
