import path from 'node:path';
import { AppFailure } from '../../src-preload/contract/errors';
import type { OpenedImages as OpenedImagesResult } from '../../src-preload/contract/edit-results';
import type { Emit } from '../ipc/emit';
import { storeReference } from '../jobs/store-reference';
import type { Library } from '../library/library';
import type { ImageCodec } from '../media/image-codec';
import { readImageFile } from '../media/read-image-file';
import type { LibraryChanges } from './library-changes';
import type { Presenter } from './presenter';

export interface OpenedImages {
  /** Files the OS asked the app to open: stored in the library, then offered to the Edit view. */
  open(files: readonly string[]): Promise<void>;
  /** What was opened since the renderer last asked, and what could not be; each is handed out once. */
  take(): OpenedImagesResult;
}

/**
 * Files from the OS (a path is trusted here: it came from the OS, never from the renderer) become library
 * images the Edit view opens as its base. The renderer is told something arrived and takes it, so what came
 * before the window loaded waits instead of being lost.
 */
export function createOpenedImages(deps: {
  codec: ImageCodec;
  library: Pick<Library, 'importFiles'>;
  present: Presenter;
  changes: LibraryChanges;
  emit: Emit;
}): OpenedImages {
  const waiting: OpenedImagesResult = { images: [], problems: [] };
  return {
    async open(files) {
      for (const file of files) {
        const name = path.basename(file);
        try {
          const stored = await storeReference(deps, name, await readImageFile(file));
          waiting.images.push(deps.present.image(stored.image));
        } catch (error) {
          const message =
            error instanceof AppFailure ? error.appError.message : `${name} could not be opened.`;
          waiting.problems.push(message);
        }
      }
      deps.changes.announce('imported');
      deps.emit('edit:opened', { count: files.length });
    },
    take() {
      return { images: waiting.images.splice(0), problems: waiting.problems.splice(0) };
    },
  };
}
