import { createHash, randomBytes } from 'node:crypto';
import { open } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failureOf } from '../support/failure-of';
import { ImageFileWriter, type SavedImage } from '../../src-main/media/image-file-writer';
import { noiseImage, type FakeImageSpec } from '../fake-cometapi/noise-images';

let folder = '';

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'seedream-writer-test-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const mib = 1024 * 1024;

async function imageBytes(spec: FakeImageSpec, variant = 'writer-test'): Promise<Buffer> {
  return Buffer.concat((await noiseImage(spec, variant)).parts);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Cuts `bytes` into pieces whose sizes cycle through `sizes`. */
function cut(bytes: Buffer, sizes: readonly number[]): Buffer[] {
  const pieces: Buffer[] = [];
  for (let offset = 0, index = 0; offset < bytes.length; index += 1) {
    const size = sizes[index % sizes.length] ?? 1;
    pieces.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  return pieces;
}

/** Writes through `write`, honouring its backpressure, each piece in memory of its own as a socket read is. */
async function writeAll(writer: ImageFileWriter, pieces: readonly Buffer[]): Promise<void> {
  for (const piece of pieces) {
    const pending = writer.write(Buffer.from(piece));
    if (pending) await pending;
  }
}

/** `count` comment segments of 60 kB right after the start of a JPEG, pushing its frame header back. */
function withComments(jpeg: Buffer, count: number): Buffer {
  const comments = Array.from({ length: count }, (_, index) => {
    const segment = Buffer.alloc(4 + 60_000, 0x61 + index);
    segment.writeUInt16BE(0xfffe, 0);
    segment.writeUInt16BE(60_002, 2);
    return segment;
  });
  return Buffer.concat([jpeg.subarray(0, 2), ...comments, jpeg.subarray(2)]);
}

/** Rejects instead of letting a test wait for its own timeout when the writer hangs. */
async function within<T>(promise: Promise<T>, ms = 5000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`still pending after ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([promise, hang]);
  } finally {
    clearTimeout(timer);
  }
}

async function until(condition: () => Promise<boolean>, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function expectSaved(
  saved: SavedImage,
  bytes: Buffer,
  expected: Omit<SavedImage, 'tmpPath' | 'sha256' | 'bytes'>,
) {
  expect(saved).toMatchObject({ ...expected, bytes: bytes.length, sha256: sha256(bytes) });
  expect(dirname(saved.tmpPath)).toBe(folder);
  expect(saved.tmpPath.endsWith(`.${expected.format}`)).toBe(true);
  expect((await readFile(saved.tmpPath)).equals(bytes)).toBe(true);
  expect(await readdir(folder)).toEqual([basename(saved.tmpPath)]);
}

describe('ImageFileWriter', () => {
  it('writes odd-sized pieces to a file equal to the input, with its SHA-256', async () => {
    const jpeg = await imageBytes({ format: 'jpeg', width: 2048, height: 2048 });
    expect(jpeg.length).toBeGreaterThan(mib + 100_000);
    const writer = new ImageFileWriter(folder);
    expect(writer.path.endsWith('.part')).toBe(true);
    await writeAll(writer, cut(jpeg, [1, 63, mib + 17, 4096, 2, 65_535, 100_003]));
    expect(writer.bytes).toBe(jpeg.length);
    expect(await readdir(folder)).toEqual([basename(writer.path)]);
    const saved = await writer.finish();
    await expectSaved(saved, jpeg, { format: 'jpeg', width: 2048, height: 2048 });
  });

  it('keeps the end of the file right when the last bytes come one at a time', async () => {
    const png = await imageBytes({ format: 'png', width: 640, height: 480 });
    const writer = new ImageFileWriter(folder);
    const splitAt = png.length - 70;
    await writeAll(writer, [png.subarray(0, splitAt), ...cut(png.subarray(splitAt), [1])]);
    await expectSaved(await writer.finish(), png, { format: 'png', width: 640, height: 480 });
  });

  it('writes a file of several blocks from pieces of every size, straddling the block edges', async () => {
    const png = await imageBytes({ format: 'png', width: 2048, height: 1536 });
    expect(png.length).toBeGreaterThan(mib);
    const writer = new ImageFileWriter(folder);
    await writeAll(writer, cut(png, [1, 63, 16_384, 65_536, 3, mib + 17, 1000]));
    expect(writer.bytes).toBe(png.length);
    await expectSaved(await writer.finish(), png, { format: 'png', width: 2048, height: 1536 });
  });

  it('accepts a stated size that matches', async () => {
    const jpeg = await imageBytes({ format: 'jpeg', width: 96, height: 64 });
    const writer = new ImageFileWriter(folder);
    await writeAll(writer, [jpeg]);
    await expectSaved(await writer.finish({ width: 96, height: 64 }), jpeg, {
      format: 'jpeg',
      width: 96,
      height: 64,
    });
  });

  it('finds the dimensions of a JPEG whose frame header lies beyond the first bytes kept', async () => {
    const padded = withComments(await imageBytes({ format: 'jpeg', width: 320, height: 200 }), 4);
    expect(padded.indexOf(Buffer.from([0xff, 0xc0]))).toBeGreaterThan(128 * 1024);
    const writer = new ImageFileWriter(folder);
    await writeAll(writer, cut(padded, [33_333]));
    await expectSaved(await writer.finish(), padded, { format: 'jpeg', width: 320, height: 200 });
  });

  it('refuses a JPEG whose last bytes are missing, leaving no file', async () => {
    const jpeg = await imageBytes({ format: 'jpeg', width: 2048, height: 2048 });
    for (const missing of [2, 1000]) {
      const writer = new ImageFileWriter(folder);
      await writeAll(writer, cut(jpeg.subarray(0, jpeg.length - missing), [mib + 17, 63]));
      const error = await failureOf(writer.finish());
      expect(error.code).toBe('invalid-image');
      expect(await readdir(folder)).toEqual([]);
    }
  });

  it('refuses a PNG whose last bytes are missing', async () => {
    const png = await imageBytes({ format: 'png', width: 300, height: 200 });
    const writer = new ImageFileWriter(folder);
    await writeAll(writer, [png.subarray(0, png.length - 5)]);
    expect((await failureOf(writer.finish())).code).toBe('invalid-image');
    expect(await readdir(folder)).toEqual([]);
  });

  it.each([
    ['random bytes', () => randomBytes(1_500_000)],
    ['an XML error page', () => Buffer.from('<?xml version="1.0"?><Error><Code>AccessDenied</Code></Error>')],
    ['nothing at all', () => Buffer.alloc(0)],
  ])('refuses %s as not an image, leaving no file', async (_name, make) => {
    const writer = new ImageFileWriter(folder);
    await writeAll(writer, cut(make(), [mib + 17, 1]));
    expect((await failureOf(writer.finish())).code).toBe('invalid-image');
    expect(await readdir(folder)).toEqual([]);
  });

  it('refuses an image whose size differs from the stated one, leaving no file', async () => {
    const jpeg = await imageBytes({ format: 'jpeg', width: 96, height: 64 });
    for (const stated of [
      { width: 64, height: 96 },
      { width: 96, height: 65 },
      { width: 2048, height: 2048 },
    ]) {
      const writer = new ImageFileWriter(folder);
      await writeAll(writer, [jpeg]);
      const error = await failureOf(writer.finish(stated));
      expect(error.code).toBe('invalid-image');
      expect(await readdir(folder)).toEqual([]);
    }
  });

  it('leaves no file after discard, with blocks still on their way to disk', async () => {
    const jpeg = await imageBytes({ format: 'jpeg', width: 2048, height: 2048 });
    const writer = new ImageFileWriter(folder);
    // Not awaited: discard must wait for the writes in flight itself.
    void writer.write(jpeg)?.catch(() => undefined);
    await within(writer.discard());
    expect(await readdir(folder)).toEqual([]);
  });

  it('leaves no file after discard of a writer that got nothing, opened or not', async () => {
    // Discarded before its file is surely open. The test waits for the opening itself to finish, whenever it
    // does, before looking: a file it made after the discard would still be there.
    const openings: Promise<void>[] = [];
    const early = new ImageFileWriter(folder, (file, flags, callback) => {
      openings.push(
        new Promise((opened) => {
          open(file, flags, (error, fd) => {
            callback(error, fd);
            opened();
          });
        }),
      );
    });
    await early.discard();
    await within(Promise.all(openings));
    expect(openings).toHaveLength(1);
    expect(await readdir(folder)).toEqual([]);

    const late = new ImageFileWriter(folder);
    await until(async () => (await readdir(folder)).includes(basename(late.path)));
    await late.discard();
    expect(await readdir(folder)).toEqual([]);
  });

  it('refuses further bytes after discard', async () => {
    const writer = new ImageFileWriter(folder);
    await writer.discard();
    const failure = writer.write(Buffer.from('more'));
    expect(failure).toBeInstanceOf(Promise);
    expect((await failureOf(failure ?? Promise.resolve())).code).toBe('storage-failed');
  });

  it('fails with storage-failed, without hanging, in a folder that does not exist', async () => {
    const jpeg = await imageBytes({ format: 'jpeg', width: 3000, height: 3000 });
    const writer = new ImageFileWriter(join(folder, 'missing'));
    // The failure may show at once or only once the disk is behind; either way it must be storage-failed.
    const written = writer.write(jpeg);
    if (written) expect((await within(failureOf(written))).code).toBe('storage-failed');
    expect((await within(failureOf(writer.finish()))).code).toBe('storage-failed');
    expect(await readdir(folder)).toEqual([]);
  });

  it.each([
    ['an image identified from its first bytes', 0],
    ['an image whose frame header must be read back from the file', 4],
  ])(
    'fails with storage-failed when its folder is removed before finish, for %s',
    async (_name, comments) => {
      const jpeg = withComments(await imageBytes({ format: 'jpeg', width: 96, height: 64 }), comments);
      const inner = await mkdtemp(join(folder, 'removed-'));
      const writer = new ImageFileWriter(inner);
      await writeAll(writer, [jpeg]);
      // Removed only once the file exists, so the failure comes after the opening, where the folder is needed again.
      await until(async () => (await readdir(inner)).includes(basename(writer.path)));
      await rm(inner, { recursive: true, force: true });
      expect((await within(failureOf(writer.finish()))).code).toBe('storage-failed');
    },
  );

  it('keeps other files right when one writer is discarded while they write', async () => {
    const images = await Promise.all(
      Array.from({ length: 4 }, (_, index) =>
        imageBytes({ format: 'png', width: 2048, height: 1536 }, `shared-${index}`),
      ),
    );
    const dropped = new ImageFileWriter(folder);
    const kept = images.map(() => new ImageFileWriter(folder));
    const writing = kept.map((writer, index) =>
      writeAll(writer, cut(images[index] ?? Buffer.alloc(0), [40_000 + index, 5])).then(() =>
        writer.finish(),
      ),
    );
    await writeAll(dropped, cut(images[0] ?? Buffer.alloc(0), [300_000]));
    await dropped.discard();
    const saved = await Promise.all(writing);
    for (const [index, image] of images.entries()) {
      expect(saved[index]?.sha256, `image ${index}`).toBe(sha256(image));
    }
    expect((await readdir(folder)).sort()).toEqual(saved.map((image) => basename(image.tmpPath)).sort());
  });

  it('hashes several large files written in parallel', async () => {
    const images = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        imageBytes({ format: 'jpeg', width: 3000, height: 3000 }, `parallel-${index}`),
      ),
    );
    expect(images.every((image) => image.length > 2.5 * mib)).toBe(true);
    expect(new Set(images.map(sha256)).size).toBe(8);
    const saved = await Promise.all(
      images.map(async (image, index) => {
        const writer = new ImageFileWriter(folder);
        await writeAll(
          writer,
          cut(image, index % 2 === 0 ? [65_536 + index, 1, 777] : [16_384 - index, 3, mib]),
        );
        return writer.finish({ width: 3000, height: 3000 });
      }),
    );
    for (const [index, image] of images.entries()) {
      const result = saved[index];
      expect(result?.sha256, `image ${index}`).toBe(sha256(image));
      expect(result?.bytes).toBe(image.length);
      if (result) expect((await readFile(result.tmpPath)).equals(image), `image ${index}`).toBe(true);
    }
    expect((await readdir(folder)).length).toBe(8);
  });
});
