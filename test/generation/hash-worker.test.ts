import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SharedMemoryHash, warmUpHashWorker } from '../../src-main/generation/hash-worker';

describe('hash worker', () => {
  it('settles the warm-up once the thread runs, and hashes pieces in the order sent', async () => {
    await warmUpHashWorker();
    const pieces = [randomBytes(1000), randomBytes(70_000), randomBytes(1)];
    const hash = new SharedMemoryHash();
    for (const piece of pieces) {
      const memory = new SharedArrayBuffer(piece.length);
      new Uint8Array(memory).set(piece);
      await hash.update(memory, piece.length);
    }
    const expected = createHash('sha256');
    for (const piece of pieces) expected.update(piece);
    expect(await hash.digest()).toBe(expected.digest('hex'));
  });

  it('hashes only the first `length` bytes of a piece', async () => {
    const memory = new SharedArrayBuffer(64);
    new Uint8Array(memory).fill(7);
    const hash = new SharedMemoryHash();
    await hash.update(memory, 10);
    expect(await hash.digest()).toBe(createHash('sha256').update(Buffer.alloc(10, 7)).digest('hex'));
  });

  it('refuses pieces after the digest', async () => {
    const hash = new SharedMemoryHash();
    await hash.digest();
    await expect(hash.update(new SharedArrayBuffer(1), 1)).rejects.toThrow(/already finished/);
    await expect(hash.digest()).rejects.toThrow(/already finished/);
  });
});
