import { generationRequestSchema } from '../../../src-preload/contract/generation';
import type { QueueItem, QueueSnapshot } from '../../../src-preload/contract/queue';

/** A waiting queue item with prompt `prompt`; only what a test names differs. */
export function queueItem(id: number, prompt: string, patch: Partial<QueueItem> = {}): QueueItem {
  return {
    id,
    state: 'waiting',
    request: generationRequestSchema.parse({ model: 'doubao-seedream-4-5-251128', prompt }),
    referenceIds: [],
    generationId: null,
    batch: 'app',
    error: null,
    saved: 0,
    expected: 1,
    createdAt: 1000,
    startedAt: null,
    finishedAt: null,
    ...patch,
  };
}

export function queueSnapshot(items: QueueItem[] = [], patch: Partial<QueueSnapshot> = {}): QueueSnapshot {
  return { paused: false, pausedReason: null, backoffUntil: null, concurrency: 2, items, ...patch };
}
