import { access, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeStagedFile, removeStaleTmpDirs } from '../../src-main/library/file-store';
import { imageFilePath } from '../../src-main/library/paths';
import { stagePng, tempLibrary } from './fixtures';

function refusingRename(code: string) {
  return () => {
    throw Object.assign(new Error(`${code}: operation not permitted, rename`), { code });
  };
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

describe('file store', () => {
  it('keeps the stored copy when the system will not replace an open file of the same content', async () => {
    const library = await tempLibrary();
    const first = await stagePng(library, 1);
    const target = placeStagedFile(library.paths, first);
    const again = await stagePng(library, 1);
    expect(placeStagedFile(library.paths, again, refusingRename('EPERM'))).toBe(target);
    expect(await exists(again.tmpPath)).toBe(false);
    expect(await exists(target)).toBe(true);
  });

  it('still fails when nothing of that content is stored, or for other errors', async () => {
    const library = await tempLibrary();
    const staged = await stagePng(library, 2);
    expect(() => placeStagedFile(library.paths, staged, refusingRename('EPERM'))).toThrow('EPERM');
    placeStagedFile(library.paths, await stagePng(library, 2));
    expect(() => placeStagedFile(library.paths, staged, refusingRename('ENOSPC'))).toThrow('ENOSPC');
    expect(await exists(staged.tmpPath)).toBe(true);
    expect(imageFilePath(library.paths, staged.sha256, 'png')).toContain(staged.sha256.slice(0, 2));
  });

  it('clears the staging folders of processes that are gone and keeps live ones', async () => {
    const library = await tempLibrary();
    for (const name of ['p111', 'p222', 'stray']) {
      const dir = path.join(library.paths.tmp, name);
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, 'part'), 'x');
    }
    const removed = await removeStaleTmpDirs(library.paths, (pid) => pid === 222);
    expect(removed).toBe(2);
    expect((await readdir(library.paths.tmp)).sort()).toEqual(['p222', `p${process.pid}`].sort());
  });
});
