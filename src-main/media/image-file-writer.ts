import { createHash, randomUUID } from 'node:crypto';
import { close, open as openFile, writev } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { appError, AppFailure } from '../../src-preload/contract/errors';
import type { ExactSize } from '../../src-preload/contract/generation';
import { endLooksComplete, sniffImage, type ImageFormat } from './image-info';

/** A verified image file in the engine's temporary folder; the library moves it into its store. */
export interface SavedImage {
  tmpPath: string;
  sha256: string;
  bytes: number;
  format: ImageFormat;
  width: number;
  height: number;
}

/** Creates the `.part` file as `fs.open` does; tests pass one that holds the opening to order events. */
export type OpenFile = (
  path: string,
  flags: 'wx',
  callback: (error: NodeJS.ErrnoException | null, fd: number) => void,
) => void;

const headBytes = 128 * 1024;
const tailBytes = 64;
/** How far into a file to look for a JPEG frame header hidden behind large metadata. */
const maxHeaderSearch = 8 * 1024 * 1024;
/** Pieces are gathered until they weigh this much and written in one call, so writes are few and large. */
const blockBytes = 1024 * 1024;
/** Blocks on their way to disk before the source is asked to wait; bounds the memory one file may hold. */
const maxBlocksInFlight = 2;

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
}

function deferred(): Deferred {
  let resolve: () => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<void>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  return { promise, resolve, reject };
}

/**
 * Streams one image to a `.part` file: bytes are hashed as they come (SHA-256 runs at about 1 GB/s, so a 4K
 * image costs the JavaScript thread a few milliseconds in 64 KiB slices) and the pieces themselves, never
 * copied, are written 1 MiB at a time (one `writev`) on libuv's threads. Only the first and last bytes stay
 * for the checks that follow. `write` returns a promise only when the disk is behind, so callers pause
 * without paying for a promise per piece.
 */
export class ImageFileWriter {
  readonly path: string;
  private fd: number | undefined;
  /** Settles once the file is open or failed to open; blocks filled before then wait in `afterOpen`. */
  private readonly opened: Promise<void>;
  private afterOpen: (() => void)[] | undefined = [];
  private readonly hash = createHash('sha256');
  /** Pieces not yet handed to disk, and their weight. */
  private gathered: Uint8Array[] = [];
  private fill = 0;
  /** Bytes already handed to disk in earlier blocks: where the next block goes in the file. */
  private sent = 0;
  private blocksInFlight = 0;
  private size = 0;
  private failure: Error | undefined;
  private room: Deferred | undefined;
  private drained: Deferred | undefined;
  private readonly head = Buffer.allocUnsafe(headBytes);
  private headLength = 0;
  private readonly tail = Buffer.allocUnsafe(tailBytes);
  private tailLength = 0;

  constructor(tmpDir: string, openPart: OpenFile = openFile) {
    this.path = join(tmpDir, `seedream-${randomUUID()}.part`);
    // Opened on libuv's threads: creating a file can take milliseconds (antivirus, network folders).
    this.opened = new Promise<void>((resolve) => {
      openPart(this.path, 'wx', (error, fd) => {
        if (error) this.fail(error);
        else this.fd = fd;
        const waiting = this.afterOpen ?? [];
        this.afterOpen = undefined;
        for (const start of waiting) start();
        resolve();
      });
    });
  }

  get bytes(): number {
    return this.size;
  }

  /**
   * Takes `chunk` as it is until it is on disk: the caller must not change it afterwards (socket reads and
   * decoded base64 are fresh memory each time, so nothing is copied).
   */
  write(chunk: Uint8Array): Promise<void> | undefined {
    if (this.failure) return Promise.reject(storageFailure(this.failure));
    if (chunk.length === 0) return undefined;
    this.hash.update(chunk);
    this.remember(chunk);
    this.size += chunk.length;
    this.gathered.push(chunk);
    this.fill += chunk.length;
    if (this.fill >= blockBytes) this.sendBlock();
    if (this.blocksInFlight < maxBlocksInFlight) return undefined;
    this.room ??= deferred();
    return this.room.promise;
  }

  /**
   * No more bytes will come: sends what is gathered to disk. A base64 answer holds a writer per image until
   * the whole answer is read, so this keeps that to nothing held at all.
   */
  endOfInput(): void {
    this.sendBlock();
  }

  /** Keeps the first bytes (to identify the image) and the last ones (to see that it is whole). */
  private remember(added: Uint8Array): void {
    if (this.headLength < headBytes) {
      const taken = Math.min(headBytes - this.headLength, added.length);
      this.head.set(added.subarray(0, taken), this.headLength);
      this.headLength += taken;
    }
    if (added.length >= tailBytes) {
      this.tail.set(added.subarray(added.length - tailBytes));
      this.tailLength = tailBytes;
      return;
    }
    const kept = Math.min(this.tailLength, tailBytes - added.length);
    this.tail.copyWithin(0, this.tailLength - kept, this.tailLength);
    this.tail.set(added, kept);
    this.tailLength = kept + added.length;
  }

  private sendBlock(): void {
    if (this.fill === 0 || this.failure) return;
    const pieces = this.gathered;
    const position = this.sent;
    this.sent += this.fill;
    this.gathered = [];
    this.fill = 0;
    this.blocksInFlight += 1;
    const release = (error?: Error) => {
      if (error) this.fail(error);
      this.blocksInFlight -= 1;
      if (this.blocksInFlight < maxBlocksInFlight && this.room) {
        this.room.resolve();
        this.room = undefined;
      }
      if (this.blocksInFlight === 0) {
        this.drained?.resolve();
        this.drained = undefined;
      }
    };
    const startWrite = () => {
      if (this.fd === undefined) release(this.failure ?? new Error('The file is not open.'));
      else writeFully(this.fd, pieces, position, release);
    };
    if (this.afterOpen) this.afterOpen.push(startWrite);
    else startWrite();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.room?.reject(storageFailure(error));
    this.room = undefined;
  }

  /** Settles once no block is on its way to disk. */
  private async allWritten(): Promise<void> {
    await this.opened;
    if (this.blocksInFlight === 0) return;
    this.drained ??= deferred();
    await this.drained.promise;
  }

  private async closeFile(): Promise<void> {
    const fd = this.fd;
    if (fd === undefined) return;
    this.fd = undefined;
    await new Promise<void>((resolve, reject) => {
      close(fd, (error) => {
        if (error) reject(error);
        else resolve();
      });
    });
  }

  /** Closes the file and checks it is a whole image (of `statedSize` when the answer gave one). */
  async finish(statedSize?: ExactSize): Promise<SavedImage> {
    try {
      this.endOfInput();
      await this.allWritten();
      if (this.failure) throw storageFailure(this.failure);
      await this.closeFile().catch((error: unknown) => {
        throw storageFailure(error instanceof Error ? error : new Error(String(error)));
      });
      const sha256 = this.hash.digest('hex');
      const info = await this.identify();
      const head = this.head.subarray(0, this.headLength);
      const tail = this.tail.subarray(0, this.tailLength);
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
      await rename(this.path, finalPath).catch((error: unknown) => {
        throw storageFailure(error instanceof Error ? error : new Error(String(error)));
      });
      return { tmpPath: finalPath, sha256, bytes: this.size, ...info };
    } catch (error) {
      await this.discard();
      throw error;
    }
  }

  /** Drops the partial file: nothing half-written is left for the library to find. */
  async discard(): Promise<void> {
    this.fail(new Error('discarded'));
    this.gathered = [];
    this.fill = 0;
    // Windows refuses to remove a file that is still open, and a write still on its way would recreate it.
    await this.allWritten();
    await this.closeFile().catch(() => undefined);
    await rm(this.path, { force: true });
  }

  /** The first `length` bytes of the written file, for a header that lies beyond the bytes kept. */
  private async readBack(length: number): Promise<Buffer> {
    try {
      const handle = await open(this.path, 'r');
      try {
        const { buffer, bytesRead } = await handle.read(Buffer.alloc(length), 0, length, 0);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    } catch (error) {
      throw storageFailure(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private async identify() {
    const first = sniffImage(this.head.subarray(0, this.headLength));
    if (first.status === 'ok') return first.info;
    if (first.status === 'incomplete' && this.size > this.headLength) {
      const second = sniffImage(await this.readBack(Math.min(this.size, maxHeaderSearch)));
      if (second.status === 'ok') return second.info;
    }
    throw new AppFailure(
      appError(
        'invalid-image',
        `The service sent ${this.size} bytes that are not a PNG, JPEG or other known image.`,
      ),
    );
  }
}

/** Writes every piece at `position` on; a short write (a full disk, say) continues where it stopped. */
function writeFully(fd: number, pieces: Uint8Array[], position: number, done: (error?: Error) => void): void {
  writev(fd, pieces, position, (error, written) => {
    if (error) {
      done(error);
      return;
    }
    if (written === 0) {
      done(Object.assign(new Error('No space was written.'), { code: 'ENOSPC' }));
      return;
    }
    let rest = written;
    const remaining: Uint8Array[] = [];
    for (const piece of pieces) {
      if (rest >= piece.length) rest -= piece.length;
      else {
        remaining.push(rest > 0 ? piece.subarray(rest) : piece);
        rest = 0;
      }
    }
    if (remaining.length === 0) done();
    else writeFully(fd, remaining, position + written, done);
  });
}

function storageFailure(error: Error): AppFailure {
  const code = 'code' in error && typeof error.code === 'string' ? ` (${error.code})` : '';
  return new AppFailure(
    appError('storage-failed', `Could not write the image to the temporary folder${code}.`),
  );
}
