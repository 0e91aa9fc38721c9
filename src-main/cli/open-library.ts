import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppFailure, appError } from '../../src-preload/contract/errors';
import { openLibrary, type Library } from '../library/library';
import { libraryPaths } from '../library/paths';
import { defaultLibraryDir } from './app-dirs';
import type { CliIo } from './cli-io';

export function libraryDirOf(option: string | undefined, io: CliIo): string {
  return option === undefined ? defaultLibraryDir(io) : path.resolve(option);
}

/**
 * Opens the library for a command. Only `generate` may create one: reading commands pointed at a folder without
 * a library say so instead of quietly making an empty library there.
 */
export async function openCliLibrary(dir: string, create: boolean, io: CliIo): Promise<Library> {
  if (!create && !existsSync(libraryPaths(dir).catalog)) {
    throw new AppFailure(appError('not-found', `There is no Seedream Studio library in ${dir}.`));
  }
  return openLibrary({ dir, codec: io.imageCodec(), nativeBinding: io.nativeBinding });
}
