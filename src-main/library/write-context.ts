import type { ImageCodec } from '../media/image-codec';
import type { WritableDb } from './database';
import type { LibraryPaths } from './paths';

/** What every writing module needs: the write connection, the folders, a clock tests can set, the image codec. */
export interface WriteContext {
  writer: WritableDb;
  paths: LibraryPaths;
  now: () => number;
  /** This process's staging folder under `paths.tmp`. */
  tmpDir: string;
  /** Decodes and encodes images (thumbnails); native or WebAssembly, chosen by the process that opened the library. */
  codec: ImageCodec;
}
