import type { WritableDb } from './database';
import type { LibraryPaths } from './paths';

/** What every writing module needs: the write connection, the folders, and a clock tests can set. */
export interface WriteContext {
  writer: WritableDb;
  paths: LibraryPaths;
  now: () => number;
  /** This process's staging folder under `paths.tmp`. */
  tmpDir: string;
}
