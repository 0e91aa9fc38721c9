import { createHash, randomBytes } from 'node:crypto';
import { appendFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileHasher } from '../../src-main/generation/file-hasher';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'file-hasher-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('FileHasher', () => {
  it('hashes a file told about piece by piece as it grows', async () => {
    const path = join(dir, 'growing.part');
    const pieces = [randomBytes(700_000), randomBytes(1_500_000), randomBytes(3)];
    await writeFile(path, '');
    const hasher = new FileHasher(path);
    let written = 0;
    for (const piece of pieces) {
      await appendFile(path, piece);
      written += piece.length;
      hasher.advance(written);
    }
    const expected = createHash('sha256');
    for (const piece of pieces) expected.update(piece);
    expect(await hasher.end(written)).toBe(expected.digest('hex'));
  });

  it('hashes only the stated length, and several files at once without mixing them', async () => {
    const contents = [randomBytes(2_100_000), randomBytes(10)];
    const hashers = await Promise.all(
      contents.map(async (content, index) => {
        const path = join(dir, `file-${index}.part`);
        await writeFile(path, Buffer.concat([content, Buffer.from('trailing')]));
        const hasher = new FileHasher(path);
        hasher.advance(content.length);
        return hasher;
      }),
    );
    const digests = await Promise.all(
      hashers.map((hasher, index) => hasher.end(contents[index]?.length ?? 0)),
    );
    expect(digests).toEqual(contents.map((content) => createHash('sha256').update(content).digest('hex')));
  });

  it('fails when the file holds fewer bytes than stated', async () => {
    const path = join(dir, 'short.part');
    await writeFile(path, randomBytes(100));
    await expect(new FileHasher(path).end(200)).rejects.toThrow(/ESHORT/);
  });

  it('lets go of a dropped file so it can be removed', async () => {
    const path = join(dir, 'dropped.part');
    await writeFile(path, randomBytes(3_000_000));
    const hasher = new FileHasher(path);
    hasher.advance(3_000_000);
    await hasher.drop();
    await rm(path);
    expect(await readdir(dir)).toEqual([]);
    await expect(hasher.end(3_000_000)).rejects.toThrow(/CLOSED/);
  });
});
