import { randomUUID } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { appError, AppFailure } from '../../src-preload/contract/errors';
import type { ExactSize } from '../../src-preload/contract/generation';
import { endLooksComplete, sniffImage, type ImageFormat } from '../media/image-info';
import { FileHasher } from './file-hasher';

/** A verified image file in the engine's temporary folder; the library moves it into its store. */
export interface SavedImage {
  tmpPath: string;
  sha256: string;
  bytes: number;
  format: ImageFormat;
  width: number;
  height: number;
}

const headBytes = 128 * 1024;
/** Lets socket reads run ahead of disk writes a little, so small writes are batched into few syscalls. */
const writeBufferBytes = 1024 * 1024;
const tailBytes = 64;
/** How far into a file to look for a JPEG frame header hidden behind large metadata. */
const maxHeaderSearch = 8 * 1024 * 1024;

/**
 * Streams one image to a `.part` file while it is hashed (off this thread, from what reached the file),
 * keeping only its first and last bytes in memory for the checks that follow. `write` returns a promise only when the disk is behind, so callers can apply
 * backpressure without paying for a promise per chunk.
 */
export class ImageFileWriter {
  readonly path: string;
  private readonly stream: WriteStream;
  private readonly hasher: FileHasher;
  private readonly head = Buffer.alloc(headBytes);
  private headLength = 0;
  /** The last chunks written, just enough to hold the final `tailBytes` (referenced, not copied). */
  private lastChunks: Buffer[] = [];
  private size = 0;
  private failure: Error | undefined;

  constructor(tmpDir: string) {
    this.path = join(tmpDir, `seedream-${randomUUID()}.part`);
    this.stream = createWriteStream(this.path, { highWaterMark: writeBufferBytes });
    this.hasher = new FileHasher(this.path);
    this.stream.on('error', (error) => (this.failure = error));
  }

  get bytes(): number {
    return this.size;
  }

  write(chunk: Buffer): Promise<void> | undefined {
    if (this.failure) return Promise.reject(storageFailure(this.failure));
    if (this.headLength < headBytes) this.headLength += chunk.copy(this.head, this.headLength);
    this.rememberTail(chunk);
    this.size += chunk.length;
    const flowing = this.stream.write(chunk);
    this.hasher.advance(this.stream.bytesWritten);
    if (flowing) return undefined;
    return new Promise<void>((resolve, reject) => {
      const onDrain = () => {
        this.stream.off('error', onError);
        resolve();
      };
      const onError = (error: Error) => {
        this.stream.off('drain', onDrain);
        reject(storageFailure(error));
      };
      this.stream.once('drain', onDrain);
      this.stream.once('error', onError);
    });
  }

  private rememberTail(chunk: Buffer): void {
    if (chunk.length >= tailBytes) {
      this.lastChunks = [chunk];
      return;
    }
    this.lastChunks.push(chunk);
    let held = this.lastChunks.reduce((sum, piece) => sum + piece.length, 0);
    while (this.lastChunks.length > 1 && held - (this.lastChunks[0]?.length ?? 0) >= tailBytes) {
      held -= this.lastChunks.shift()?.length ?? 0;
    }
  }

  /** Closes the file and checks it is a whole image (of `statedSize` when the answer gave one). */
  async finish(statedSize?: ExactSize): Promise<SavedImage> {
    try {
      await new Promise<void>((resolve, reject) => {
        this.stream.end((error?: Error | null) => {
          if (error) reject(storageFailure(error));
          else resolve();
        });
      });
      if (this.failure) throw storageFailure(this.failure);
      const sha256 = await this.hasher.end(this.size).catch((error: unknown) => {
        throw storageFailure(error instanceof Error ? error : new Error(String(error)));
      });
      const info = await this.identify();
      const head = this.head.subarray(0, this.headLength);
      const tail = Buffer.concat(this.lastChunks).subarray(-tailBytes);
      if (!endLooksComplete(info.format, head, tail, this.size)) {
        throw new AppFailure(appError('invalid-image', 'The image arrived incomplete.'));
      }
      if (statedSize && (statedSize.width !== info.width || statedSize.height !== info.height)) {
        throw new AppFailure(
          appError(
            'invalid-image',
            `The image is ${info.width}x${info.height} but the service said ${statedSize.width}x${statedSize.height}.`,
          ),
        );
      }
      const finalPath = this.path.replace(/\.part$/, `.${info.format}`);
      await rename(this.path, finalPath);
      return { tmpPath: finalPath, sha256, bytes: this.size, ...info };
    } catch (error) {
      await this.discard();
      throw error;
    }
  }

  /** Drops the partial file: nothing half-written is left for the library to find. */
  async discard(): Promise<void> {
    // Removing the file before the stream has closed could let a still pending open create it again.
    const closed = this.stream.closed
      ? Promise.resolve()
      : new Promise<void>((resolve) => this.stream.once('close', resolve));
    this.stream.destroy();
    await Promise.all([closed, this.hasher.drop()]);
    await rm(this.path, { force: true });
  }

  private async identify() {
    const first = sniffImage(this.head.subarray(0, this.headLength));
    if (first.status === 'ok') return first.info;
    if (first.status === 'incomplete' && this.size > this.headLength) {
      const handle = await open(this.path, 'r');
      try {
        const length = Math.min(this.size, maxHeaderSearch);
        const { buffer, bytesRead } = await handle.read(Buffer.alloc(length), 0, length, 0);
        const second = sniffImage(buffer.subarray(0, bytesRead));
        if (second.status === 'ok') return second.info;
      } finally {
        await handle.close();
      }
    }
    throw new AppFailure(
      appError(
        'invalid-image',
        `The service sent ${this.size} bytes that are not a PNG, JPEG or other known image.`,
      ),
    );
  }
}

function storageFailure(error: Error): AppFailure {
  const code = 'code' in error && typeof error.code === 'string' ? ` (${error.code})` : '';
  return new AppFailure(
    appError('storage-failed', `Could not write the image to the temporary folder${code}.`),
  );
}
