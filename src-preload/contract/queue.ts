import { z } from 'zod';
import type { AppError } from './errors';
import { generationRequestSchema, type GenerationRequest } from './generation';

/**
 * The batch queue as the renderer sees it. Items live in the catalog, so the queue survives quit and crash;
 * `unknown` is an item whose request may have reached the service when the app stopped: it is never sent
 * again unless the user says so (`queue:retry` with `resendUnknown`).
 */
export type QueueItemState = 'waiting' | 'running' | 'done' | 'failed' | 'cancelled' | 'unknown';

export interface QueueItem {
  id: number;
  state: QueueItemState;
  /** Null only when a stored request no longer reads back (written by another version); it cannot run. */
  request: GenerationRequest | null;
  referenceIds: number[];
  /** Set once the generation is recorded, just before its request is sent. */
  generationId: number | null;
  /** Items added together (a batch, a fan-out, a command-line run) share a label. */
  batch: string;
  error: AppError | null;
  /** Images saved so far and expected, while running and after. */
  saved: number;
  expected: number;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

export interface QueueSnapshot {
  paused: boolean;
  /** Why the queue stopped by itself (a budget said no), in plain words; null when the user paused it. */
  pausedReason: string | null;
  /** Requests may not go out before this time (Unix ms) after the service asked everyone to slow down. */
  backoffUntil: number | null;
  concurrency: number;
  /** Waiting and running first, in the order they run, then finished ones, newest first. */
  items: QueueItem[];
}

/** The most items one request may add; a template or a CSV file beyond it is refused with the count. */
export const maxQueueAdd = 500;
/** The API's own limit on reference images in one request. */
const maxReferenceImages = 14;
const idSchema = z.number().int().positive();
const idsSchema = z.array(idSchema).min(1).max(1000);

export const queueEntrySchema = z.object({
  request: generationRequestSchema,
  referenceIds: z
    .array(idSchema)
    .max(maxReferenceImages, `At most ${maxReferenceImages} reference images can be sent with one request.`)
    .default([]),
});

export type QueueEntry = z.infer<typeof queueEntrySchema>;

export const queueAddSchema = z.object({
  items: z
    .array(queueEntrySchema)
    .min(1, 'There is nothing to add to the queue.')
    .max(maxQueueAdd, `At most ${maxQueueAdd} requests can be queued at once.`),
  batch: z.string().trim().max(200).optional(),
});

export const queueIdsSchema = z.object({ ids: idsSchema });
export const queueReorderSchema = z.object({
  /** The waiting items in their new order; items left out keep their place after these. */
  ids: idsSchema,
});
export const queueRetrySchema = z.object({
  ids: idsSchema,
  /** The user's word that items whose outcome is unknown may be sent again (and may be paid twice). */
  resendUnknown: z.boolean().default(false),
});
