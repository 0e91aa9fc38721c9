import { Worker } from 'node:worker_threads';
import { z } from 'zod';

/**
 * SHA-256 of files being written, computed on a worker thread from the very memory the writes come from
 * (shared, never copied). Hashing 4K images on the thread that reads the sockets would slow the downloads by
 * as much as the hashing costs; this way that thread only says which bytes are ready.
 */

/**
 * Plain JavaScript evaluated as the worker, so it needs no file of its own once the app is bundled. Messages of
 * one file are handled in order, so the digest covers the pieces in the order they were sent.
 */
const workerSource = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const hashes = new Map();
parentPort.on('message', (message) => {
  const { kind, id, piece } = message;
  if (kind === 'update') {
    let hash = hashes.get(id);
    if (!hash) {
      hash = createHash('sha256');
      hashes.set(id, hash);
    }
    hash.update(new Uint8Array(message.memory, 0, message.length));
    parentPort.postMessage({ id, piece });
    return;
  }
  const hash = hashes.get(id) ?? createHash('sha256');
  hashes.delete(id);
  parentPort.postMessage({ id, piece, hex: kind === 'end' ? hash.digest('hex') : undefined });
});
`;

const replySchema = z.object({ id: z.number(), piece: z.number(), hex: z.string().optional() });
type Reply = z.infer<typeof replySchema>;

const workerDied = () => new Error('The hashing thread stopped.');

/** The shared worker: started on first use, and never keeping the process alive while no file is hashed. */
class HashWorker {
  private worker: Worker | undefined;
  /** Settles once the current worker has started (or died trying). */
  private started: Promise<void> = Promise.resolve();
  /** Replies awaited, by piece number (unique across files). */
  private readonly waiting = new Map<
    number,
    { resolve: (reply: Reply) => void; reject: (error: Error) => void }
  >();
  private nextId = 1;
  private nextPiece = 1;

  /** Starts the worker ahead of the first file, so its start-up overlaps the wait for the answer. */
  warmUp(): Promise<void> {
    // Kept referenced while it starts, so a caller awaiting the start is not left with an empty event loop.
    this.start().ref();
    return this.started.then(() => {
      if (this.waiting.size === 0) this.worker?.unref();
    });
  }

  newFile(): number {
    const id = this.nextId;
    this.nextId += 1;
    return id;
  }

  /** Hashes `memory[0, length)` after every earlier piece of the file; settles once `memory` may be reused. */
  update(id: number, memory: SharedArrayBuffer, length: number): Promise<void> {
    return this.send({ kind: 'update', id, memory, length }).then(() => undefined);
  }

  /** The digest of every piece sent for the file; `drop` forgets them. */
  async finish(id: number, kind: 'end' | 'drop'): Promise<string | undefined> {
    return (await this.send({ kind, id })).hex;
  }

  private send(message: { kind: 'update' | 'end' | 'drop'; id: number } & Record<string, unknown>) {
    const piece = this.nextPiece;
    this.nextPiece += 1;
    const worker = this.start();
    worker.ref();
    return new Promise<Reply>((resolve, reject) => {
      this.waiting.set(piece, { resolve, reject });
      worker.postMessage({ ...message, piece });
    });
  }

  private settle(piece: number, outcome: { reply: Reply } | { error: Error }): void {
    const entry = this.waiting.get(piece);
    if (!entry) return;
    this.waiting.delete(piece);
    if (this.waiting.size === 0) this.worker?.unref();
    if ('reply' in outcome) entry.resolve(outcome.reply);
    else entry.reject(outcome.error);
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // The worker is plain JavaScript: none of the parent's flags or module loaders (a test runner's) apply.
    const worker = new Worker(workerSource, { eval: true, execArgv: [] });
    this.started = new Promise<void>((resolve) => {
      worker.once('online', resolve);
      worker.once('exit', () => {
        resolve();
      });
    });
    worker.on('message', (value: unknown) => {
      const reply = replySchema.safeParse(value);
      if (reply.success) this.settle(reply.data.piece, { reply: reply.data });
    });
    // A worker that dies fails the files it was hashing; the next file starts a new one.
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const piece of [...this.waiting.keys()]) this.settle(piece, { error: workerDied() });
    });
    this.worker = worker;
    return worker;
  }
}

const hashWorker = new HashWorker();

/**
 * Call when files are about to come (a generation is being sent); costs nothing if the worker already runs.
 * Settles once the worker has started, for a caller that must not have the start overlap what it measures.
 */
export function warmUpHashWorker(): Promise<void> {
  return hashWorker.warmUp();
}

/** The SHA-256 of one file, fed piece by piece from shared memory. */
export class SharedMemoryHash {
  private readonly id = hashWorker.newFile();
  private done = false;

  update(memory: SharedArrayBuffer, length: number): Promise<void> {
    if (this.done) return Promise.reject(new Error('The hash is already finished.'));
    return hashWorker.update(this.id, memory, length);
  }

  /** The hex digest of every piece given so far. */
  async digest(): Promise<string> {
    if (this.done) throw new Error('The hash is already finished.');
    this.done = true;
    const hex = await hashWorker.finish(this.id, 'end');
    if (hex === undefined) throw workerDied();
    return hex;
  }

  /** Forgets the pieces (the file was discarded). */
  async drop(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await hashWorker.finish(this.id, 'drop').catch(() => undefined);
  }
}
