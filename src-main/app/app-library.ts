import { openLibrary, type Library } from '../library/library';
import type { ImageCodec } from '../media/image-codec';
import { libraryDirIn } from '../settings/user-data-layout';

/**
 * The app's library: the one in the user-data folder, making each image's thumbnails soon after it is saved.
 * Whoever composes the app (bootstrap, the Chromium end-to-end driver, a test) opens it and hands it in.
 */
export function openAppLibrary(options: {
  userDataDir: string;
  codec: ImageCodec;
  /** better-sqlite3's build for this runtime: Electron's in the app, none under Node. */
  nativeBinding?: string;
}): Promise<Library> {
  return openLibrary({
    dir: libraryDirIn(options.userDataDir),
    codec: options.codec,
    nativeBinding: options.nativeBinding,
    thumbnails: 'background',
  });
}
