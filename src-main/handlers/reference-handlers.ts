import type { LibraryChanges } from '../app/library-changes';
import type { Presenter } from '../app/presenter';
import type { HandlersOf } from '../ipc/dispatch';
import { storeReference } from '../jobs/store-reference';
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
      const stored = await storeReference({ codec, library }, name, bytes);
      changes.announce('imported');
      return { image: present.image(stored.image), notice: stored.notice };
    },
  };
}
