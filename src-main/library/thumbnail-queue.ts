import { rmSync } from 'node:fs';
import type { ImageFormat } from '../media/image-info';
import { imageFilePath, thumbnailPath, thumbnailSizes } from './paths';
import { makeThumbnails, previewProblemOf } from './thumbnails';
import type { WriteContext } from './write-context';

/**
 * Thumbnails off the critical path: an image is saved once its file is durable and its row committed; its
 * thumbnails come after, from this queue. Work runs a few at a time, in the order images were saved, except
 * that a thumbnail someone is waiting for (a tile on screen, through the media handler) goes to the front.
 * A thumbnail that cannot be made marks its image with the reason, and a later success clears the mark.
 */
export interface ThumbnailQueue {
  /** Makes the thumbnails of a stored image later; returns at once. */
  schedule(sha256: string): void;
  /**
   * Makes them now, ahead of everything scheduled (or joins the run already making them). True when they
   * exist afterwards; false when the image is unknown or they could not be made (the image is then marked).
   */
  ensure(sha256: string): Promise<boolean>;
  /** For the media handler: makes a missing thumbnail named by its path under the library folder. */
  makeMissing(relativePath: string): Promise<boolean>;
  /** Settles once nothing is scheduled or running. */
  idle(): Promise<void>;
  /** Drops what is scheduled; settles once running work has finished (without touching the catalog). */
  stop(): Promise<void>;
  /** Tells `listener` of each image whose preview mark changed (its thumbnail failed, or was made after all). */
  subscribe(listener: (sha256: string) => void): () => void;
}

export interface ThumbnailQueueOptions {
  /** Thumbnails made at once; sharp spreads each one over libuv's threads already. */
  concurrency?: number;
}

/** `thumbnails/<size>/<2 hex>/<sha256>.webp`, with either separator, as the media handler sees a path. */
const thumbnailName = /^thumbnails[/\\](?:256|1024)[/\\][0-9a-f]{2}[/\\]([0-9a-f]{64})\.webp$/;

export function createThumbnailQueue(ctx: WriteContext, options: ThumbnailQueueOptions = {}): ThumbnailQueue {
  const { writer: db, paths } = ctx;
  const concurrency = options.concurrency ?? 2;
  const sourceOf = db.prepare<[string], { format: ImageFormat }>(
    'SELECT format FROM images WHERE sha256 = ? LIMIT 1',
  );
  const mark = db.prepare(
    'UPDATE images SET preview_problem = ? WHERE sha256 = ? AND preview_problem IS NOT ?',
  );
  /** Waited for by someone (a tile on screen): taken before the background work, newest first. */
  const urgent: string[] = [];
  /** Scheduled after a save, oldest first; a Set keeps each image once. */
  const background = new Set<string>();
  const running = new Set<string>();
  /** Who waits for which image's thumbnails. */
  const waiters = new Map<string, ((made: boolean) => void)[]>();
  const listeners = new Set<(sha256: string) => void>();
  let stopped = false;
  let settleIdle: (() => void)[] = [];

  const setMark = (sha256: string, problem: string | null) => {
    if (stopped) return;
    if (mark.run(problem, sha256, problem).changes === 0) return;
    for (const listener of listeners) listener(sha256);
  };

  async function make(sha256: string): Promise<boolean> {
    const row = sourceOf.get(sha256);
    if (!row) return false;
    try {
      await makeThumbnails(ctx.codec, paths, imageFilePath(paths, sha256, row.format), sha256, ctx.tmpDir);
    } catch (error) {
      setMark(sha256, previewProblemOf(error));
      return false;
    }
    // The image may have been deleted while its thumbnails were made: leave nothing behind for it.
    if (!stopped && !sourceOf.get(sha256)) {
      for (const size of thumbnailSizes) rmSync(thumbnailPath(paths, sha256, size), { force: true });
      return false;
    }
    setMark(sha256, null);
    return true;
  }

  function settle(sha256: string, made: boolean): void {
    const waiting = waiters.get(sha256) ?? [];
    waiters.delete(sha256);
    for (const resolve of waiting) resolve(made);
  }

  function next(): string | undefined {
    while (urgent.length > 0) {
      const sha256 = urgent.pop();
      if (sha256 !== undefined && !running.has(sha256)) return sha256;
    }
    const first = background.values().next();
    return first.done ? undefined : first.value;
  }

  function pump(): void {
    while (!stopped && running.size < concurrency) {
      const sha256 = next();
      if (sha256 === undefined) break;
      background.delete(sha256);
      running.add(sha256);
      void make(sha256)
        .catch(() => false)
        .then((made) => {
          running.delete(sha256);
          settle(sha256, made);
          pump();
        });
    }
    if (running.size === 0 && (stopped || (urgent.length === 0 && background.size === 0))) {
      const idle = settleIdle;
      settleIdle = [];
      for (const resolve of idle) resolve();
    }
  }

  const ensure = (sha256: string): Promise<boolean> => {
    if (stopped) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      waiters.set(sha256, [...(waiters.get(sha256) ?? []), resolve]);
      if (!running.has(sha256)) urgent.push(sha256);
      pump();
    });
  };

  return {
    schedule(sha256) {
      if (stopped || running.has(sha256)) return;
      background.add(sha256);
      pump();
    },
    ensure,
    makeMissing(relativePath) {
      const sha256 = thumbnailName.exec(relativePath)?.[1];
      return sha256 === undefined ? Promise.resolve(false) : ensure(sha256);
    },
    idle() {
      if (running.size === 0 && urgent.length === 0 && background.size === 0) return Promise.resolve();
      return new Promise<void>((resolve) => settleIdle.push(resolve));
    },
    stop() {
      stopped = true;
      urgent.length = 0;
      background.clear();
      for (const sha256 of [...waiters.keys()]) if (!running.has(sha256)) settle(sha256, false);
      const finished =
        running.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => settleIdle.push(resolve));
      pump();
      return finished;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
