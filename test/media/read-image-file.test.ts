import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readImageFile } from '../../src-main/media/read-image-file';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'read-image-file-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('reading an image file named on the command line', () => {
  it('reads a regular file', async () => {
    const file = path.join(dir, 'photo.png');
    await writeFile(file, 'bytes');
    expect((await readImageFile(file)).toString()).toBe('bytes');
  });

  it.runIf(process.platform !== 'win32')(
    'refuses a FIFO at once instead of waiting for a writer',
    async () => {
      const fifo = path.join(dir, 'fifo.png');
      execFileSync('mkfifo', [fifo]);
      await expect(readImageFile(fifo)).rejects.toMatchObject({
        appError: {
          code: 'invalid-input',
          message: `${fifo} is not a regular file (a folder, device or pipe), so it is not read.`,
        },
      });
    },
  );

  it('refuses a folder, a file over the size limit and a missing file, by name', async () => {
    await expect(readImageFile(dir)).rejects.toThrow(/is not a regular file/);
    const huge = path.join(dir, 'huge.tif');
    await writeFile(huge, '');
    await truncate(huge, 60 * 1024 * 1024);
    await expect(readImageFile(huge)).rejects.toThrow(
      `${huge} is 60.0 MB; files over 50.0 MB are not accepted.`,
    );
    await expect(readImageFile(path.join(dir, 'missing.png'))).rejects.toThrow(/missing\.png cannot be read/);
  });
});
