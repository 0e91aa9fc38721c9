import { Worker } from 'node:worker_threads';
import { z } from 'zod';

/**
 * SHA-256 of a file that is being written, computed on a worker thread that reads back each stretch as soon
 * as it is on disk (from the page cache). Hashing 4K images on the thread that reads the sockets starves the
 * reads; this way that thread only says how far the file has got, and no byte is copied between threads.
 */

/**
 * Plain JavaScript evaluated as the worker, so it needs no file of its own once the app is bundled. Messages
 * of one file are handled in order; `end` and `drop` are answered once the worker has closed the file, so the
 * caller may then rename or remove it (Windows refuses either while it is open).
 */
const workerSource = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
const buffer = Buffer.allocUnsafe(1024 * 1024);
const files = new Map();
function advance(file, upTo) {
  while (file.error === undefined && file.offset < upTo) {
    try {
      if (file.fd === undefined) file.fd = openSync(file.path, 'r');
      const length = Math.min(buffer.length, upTo - file.offset);
      const read = readSync(file.fd, buffer, 0, length, file.offset);
      if (read === 0) file.error = 'ESHORT';
      file.hash.update(buffer.subarray(0, read));
      file.offset += read;
    } catch (error) {
      file.error = typeof error.code === 'string' ? error.code : 'EIO';
    }
  }
}
parentPort.on('message', (message) => {
  const { kind, id } = message;
  let file = files.get(id);
  if (!file) {
    file = { path: message.path, fd: undefined, offset: 0, hash: createHash('sha256'), error: undefined };
    files.set(id, file);
  }
  if (kind === 'advance') {
    advance(file, message.upTo);
    return;
  }
  files.delete(id);
  if (kind === 'end') advance(file, message.upTo);
  if (file.fd !== undefined) {
    try {
      closeSync(file.fd);
    } catch {}
  }
  const hex = kind === 'end' && file.error === undefined ? file.hash.digest('hex') : undefined;
  parentPort.postMessage({ id, hex, error: file.error });
});
`;

const replySchema = z.object({ id: z.number(), hex: z.string().optional(), error: z.string().optional() });
type Reply = z.infer<typeof replySchema>;

/** The shared worker: started on first use, and never keeping the process alive while no file is hashed. */
class HashWorker {
  private worker: Worker | undefined;
  private readonly waiting = new Map<number, (reply: Reply) => void>();
  private open = 0;
  private nextId = 1;

  /** Starts the worker ahead of the first file, so its start-up overlaps the wait for the answer. */
  warmUp(): void {
    const worker = this.start();
    if (this.open === 0) worker.unref();
  }

  begin(): number {
    const id = this.nextId;
    this.nextId += 1;
    this.open += 1;
    this.start().ref();
    return id;
  }

  advance(id: number, path: string, upTo: number): void {
    this.start().postMessage({ kind: 'advance', id, path, upTo });
  }

  /** `end` returns the digest of the first `upTo` bytes; `drop` only closes the file. */
  finish(id: number, path: string, kind: 'end' | 'drop', upTo: number): Promise<Reply> {
    return new Promise<Reply>((resolve) => {
      this.waiting.set(id, (reply) => {
        this.waiting.delete(id);
        this.open -= 1;
        if (this.open === 0) this.worker?.unref();
        resolve(reply);
      });
      this.start().postMessage({ kind, id, path, upTo });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerSource, { eval: true });
    worker.on('message', (value: unknown) => {
      const reply = replySchema.safeParse(value);
      if (reply.success) this.waiting.get(reply.data.id)?.(reply.data);
    });
    // A worker that dies fails the files it was hashing (their descriptors died with it); the next starts anew.
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const [id, settle] of [...this.waiting]) settle({ id, error: 'EIO' });
    });
    this.worker = worker;
    return worker;
  }
}

const hashWorker = new HashWorker();

/** Call when files are about to come (a generation was sent); costs nothing if the worker already runs. */
export function warmUpFileHasher(): void {
  hashWorker.warmUp();
}

/** Tells the worker about new stretches in steps of this size, so messages stay few. */
const advanceStep = 1024 * 1024;

function hashFailure(code: string): Error {
  return Object.assign(new Error(`Hashing the file failed (${code}).`), { code });
}

/** Follows one file as it is written; call `advance` with the bytes known to be written, then `end`. */
export class FileHasher {
  private readonly id = hashWorker.begin();
  private told = 0;
  private done = false;

  constructor(private readonly path: string) {}

  advance(written: number): void {
    if (this.done || written - this.told < advanceStep) return;
    this.told = written;
    hashWorker.advance(this.id, this.path, written);
  }

  /** The SHA-256 (hex) of the first `size` bytes, which must all be written by now. */
  async end(size: number): Promise<string> {
    if (this.done) throw hashFailure('CLOSED');
    this.done = true;
    const reply = await hashWorker.finish(this.id, this.path, 'end', size);
    if (reply.hex === undefined) throw hashFailure(reply.error ?? 'EIO');
    return reply.hex;
  }

  /** Stops hashing and lets go of the file. */
  async drop(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await hashWorker.finish(this.id, this.path, 'drop', 0);
  }
}
