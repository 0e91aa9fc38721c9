import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { AppFailure, appError } from '../../src-preload/contract/errors';
import { incomingLimits, tooLargeMessage } from '../../src-preload/contract/library-types';

/**
 * Reads an image file named on the command line. Only a regular file within the size limit is read: a FIFO,
 * a device or a folder is refused by name instead of blocking or never ending. The checks are made on the
 * opened handle (opened without waiting, as a FIFO without a writer would make it wait), so what is read is
 * what was checked.
 */
export async function readImageFile(file: string): Promise<Buffer> {
  let handle;
  try {
    // O_NONBLOCK is undefined on Windows, where `|` treats it as 0 and pipes are not files anyway.
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    throw new AppFailure(appError('not-found', `${file} cannot be read.`));
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      throw new AppFailure(
        appError(
          'invalid-input',
          `${file} is not a regular file (a folder, device or pipe), so it is not read.`,
        ),
      );
    }
    if (info.size > incomingLimits.fileBytes) {
      throw new AppFailure(appError('invalid-input', tooLargeMessage(file, info.size)));
    }
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
