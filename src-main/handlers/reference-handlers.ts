import { aboutFile, AppFailure, appError } from '../../src-preload/contract/errors';
import type { LibraryChanges } from '../app/library-changes';
import type { Presenter } from '../app/presenter';
import { prepareReference } from '../generation/references';
import type { HandlersOf } from '../ipc/dispatch';
import type { Library } from '../library/library';
import type { ImageCodec } from '../media/image-codec';

/** A reference image arrives as bytes, is made sendable (converted or downsized) and kept in the library. */
export function referenceHandlers({
  codec,
  library,
  present,
  changes,
}: {
  codec: ImageCodec;
  library: Pick<Library, 'importFiles'>;
  present: Presenter;
  changes: LibraryChanges;
}): HandlersOf<'references'> {
  return {
    'references:add': async ({ name, bytes }) => {
      const prepared = await prepareReference(codec, bytes).catch((error: unknown) => {
        throw error instanceof AppFailure ? new AppFailure(aboutFile(name, error.appError)) : error;
      });
      // The library keeps exactly what will be sent, so lineage shows the reference as the model saw it.
      const [outcome] = await library.importFiles([{ name, bytes: prepared.data }]);
      if (!outcome?.image) {
        throw new AppFailure(outcome?.error ?? appError('storage-failed', `${name} could not be stored.`));
      }
      changes.announce('imported');
      return { image: present.image(outcome.image), notice: prepared.notice };
    },
  };
}
