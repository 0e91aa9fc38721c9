import { relative } from 'node:path';
import type { JobSnapshot } from '../../src-preload/contract/ipc';
import type { ImageDetail, LibraryImage } from '../../src-preload/contract/library-types';
import type { JobSnapshot as LibraryJobSnapshot } from '../jobs/job-snapshot';
import type { Library } from '../library/library';
import type { ImageDetail as LibraryImageDetail, ImageRecord } from '../library/records';

/** Turns what the library and the jobs hand out into what the contract sends the renderer. */
export interface Presenter {
  image: (record: ImageRecord) => LibraryImage;
  snapshot: (snapshot: LibraryJobSnapshot) => JobSnapshot;
  detail: (detail: LibraryImageDetail) => ImageDetail;
}

/**
 * The renderer never sees a file path: each image gets URLs for its file and its two thumbnails, made from
 * their paths relative to the library folder by `mediaUrl` (the app's media scheme, or the end-to-end
 * driver's loopback server).
 */
export function createPresenter(
  library: Pick<Library, 'paths' | 'filePath' | 'thumbnailPath'>,
  mediaUrl: (relativePath: string) => string,
): Presenter {
  const urlOf = (file: string) => mediaUrl(relative(library.paths.root, file));
  const image = (record: ImageRecord): LibraryImage => ({
    ...record,
    src: urlOf(library.filePath(record)),
    thumbSrc: urlOf(library.thumbnailPath(record, 256)),
    previewSrc: urlOf(library.thumbnailPath(record, 1024)),
  });
  return {
    image,
    snapshot: (snapshot) => ({
      ...snapshot,
      slots: snapshot.slots.map((slot) => ({ ...slot, image: slot.image ? image(slot.image) : null })),
    }),
    detail: (detail) => ({
      ...detail,
      image: image(detail.image),
      references: detail.references.map(image),
      derived: detail.derived.map(image),
    }),
  };
}
