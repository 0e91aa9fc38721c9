import type { AppError } from '../../src-preload/contract/errors';
import { generationRequestSchema, type GenerationRequest } from '../../src-preload/contract/generation';
import type { QueueEntry, QueueItem, QueueItemState } from '../../src-preload/contract/queue';
import type { ReadableDb } from './database';
import { storedError } from './records';
import type { WriteContext } from './write-context';

/** The contract's item with its place in line and its owner. */
export type QueueRecord = Omit<QueueItem, 'request'> & {
  position: number;
  ownerPid: number | null;
  /** Null when the stored request no longer parses (a request field this version dropped, say). */
  request: GenerationRequest | null;
};

export interface RecoveredItems {
  /** Never sent: back to waiting. */
  requeued: number;
  /** Their generation finished after all (images saved, or a plain failure). */
  settled: number;
  /** May have been sent: outcome unknown. */
  unknown: number;
}

export interface QueueStore {
  add(entries: readonly QueueEntry[], batch: string): number[];
  /** Takes the first waiting item (of `batch` only, when given) for process `pid`, atomically. */
  claim(pid: number, batch?: string): QueueRecord | undefined;
  /** Written before the item's request may go out; see 0100-queue.ts. */
  linkGeneration(id: number, generationId: number): void;
  /** Hands an item that was never sent back to the queue, in its place. */
  release(id: number): void;
  finish(id: number, state: 'done' | 'failed' | 'cancelled' | 'unknown', error: AppError | null): void;
  list(): QueueRecord[];
  /** Items waiting or running (of `batch` only, when given). */
  openCount(batch?: string): number;
  item(id: number): QueueRecord | undefined;
  /** Gives the listed waiting items the places they hold between them, in the listed order. */
  reorder(ids: readonly number[]): void;
  /** Removes items that are not running; answers the ids removed. */
  remove(ids: readonly number[]): number[];
  /**
   * Puts failed and cancelled items back at the end of the queue, and items whose outcome is unknown only with
   * `resendUnknown`; answers the ids requeued.
   */
  retry(ids: readonly number[], resendUnknown: boolean): number[];
  /** Removes every finished item (done, failed, cancelled); unknown ones stay until the user decides. */
  clearFinished(): number;
  paused(): boolean;
  setPaused(paused: boolean): void;
  /**
   * Settles the items left running by processes that are gone (`isAlive` false) from what the catalog knows:
   * never linked to a generation, they were never sent and wait again; linked to a generation that ended, they
   * take its outcome; linked to one that was interrupted, their outcome is unknown. Items whose generation is
   * still marked running are left for the library's recovery to finish first.
   */
  recoverOrphans(pid: number, isAlive: (pid: number) => boolean): RecoveredItems;
}

interface Row {
  id: number;
  position: number;
  state: QueueItemState;
  request: string;
  referenceIds: string;
  generationId: number | null;
  ownerPid: number | null;
  batch: string;
  errorCode: string | null;
  errorMessage: string | null;
  saved: number;
  expected: number | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

const columns = `q.id, q.position, q.state, q.request, q.reference_ids AS referenceIds, q.generation_id AS generationId,
  q.owner_pid AS ownerPid, q.batch, q.error_code AS errorCode, q.error_message AS errorMessage,
  (SELECT count(*) FROM images i WHERE i.generation_id = q.generation_id) AS saved,
  (SELECT g.requested_images FROM generations g WHERE g.id = q.generation_id) AS expected,
  q.created_at AS createdAt, q.started_at AS startedAt, q.finished_at AS finishedAt`;

function parseIds(text: string): number[] {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? value.filter((id): id is number => typeof id === 'number') : [];
}

function toRecord(row: Row): QueueRecord {
  const parsed = generationRequestSchema.safeParse(JSON.parse(row.request));
  const request = parsed.success ? parsed.data : null;
  return {
    id: row.id,
    position: row.position,
    state: row.state,
    request,
    referenceIds: parseIds(row.referenceIds),
    generationId: row.generationId,
    ownerPid: row.ownerPid,
    batch: row.batch,
    error: storedError(row.errorCode, row.errorMessage),
    saved: row.saved,
    expected: row.expected ?? (request?.sequential === 'auto' ? request.maxImages : 1),
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}

/** Why an item that may have been sent is not sent again by itself. */
export const unknownOutcome: AppError = {
  code: 'interrupted',
  message:
    'The app stopped while this request may have been on its way, so whether it was made (and paid) is unknown. ' +
    'It is not sent again unless you retry it.',
};

export function createQueueStore(ctx: WriteContext, reader: ReadableDb): QueueStore {
  const { writer: db, now } = ctx;
  const nextPosition = db.prepare<[], { next: number }>(
    'SELECT coalesce(max(position), 0) + 1 AS next FROM queue_items',
  );
  const insert = db.prepare(
    `INSERT INTO queue_items (position, request, reference_ids, state, batch, created_at)
     VALUES (?, ?, ?, 'waiting', ?, ?)`,
  );
  const firstWaiting = db.prepare<[], { id: number }>(
    "SELECT id FROM queue_items WHERE state = 'waiting' ORDER BY position LIMIT 1",
  );
  const firstWaitingOf = db.prepare<[string], { id: number }>(
    "SELECT id FROM queue_items WHERE state = 'waiting' AND batch = ? ORDER BY position LIMIT 1",
  );
  const take = db.prepare(
    "UPDATE queue_items SET state = 'running', owner_pid = ?, started_at = ?, finished_at = NULL, error_code = NULL, error_message = NULL WHERE id = ?",
  );
  const readOne = (connection: ReadableDb) =>
    connection.prepare<[number], Row>(`SELECT ${columns} FROM queue_items q WHERE q.id = ?`);
  const writerItem = readOne(db);
  const readerItem = readOne(reader);
  const all = reader.prepare<[], Row>(
    `SELECT ${columns} FROM queue_items q
     ORDER BY q.state IN ('waiting', 'running') DESC,
       CASE WHEN q.state IN ('waiting', 'running') THEN q.position ELSE -coalesce(q.finished_at, q.created_at) END, q.id`,
  );
  const countOpen = reader.prepare<[], { count: number }>(
    "SELECT count(*) AS count FROM queue_items WHERE state IN ('waiting', 'running')",
  );
  const countOpenOf = reader.prepare<[string], { count: number }>(
    "SELECT count(*) AS count FROM queue_items WHERE state IN ('waiting', 'running') AND batch = ?",
  );
  const link = db.prepare('UPDATE queue_items SET generation_id = ? WHERE id = ?');
  const release = db.prepare(
    "UPDATE queue_items SET state = 'waiting', owner_pid = NULL, started_at = NULL, generation_id = NULL WHERE id = ?",
  );
  const finish = db.prepare(
    `UPDATE queue_items SET state = @state, owner_pid = NULL, error_code = @code, error_message = @message,
       finished_at = @now WHERE id = @id`,
  );
  const stateOf = db.prepare<[number], { state: QueueItemState; position: number }>(
    'SELECT state, position FROM queue_items WHERE id = ?',
  );
  const setPosition = db.prepare('UPDATE queue_items SET position = ? WHERE id = ?');
  const deleteItem = db.prepare("DELETE FROM queue_items WHERE id = ? AND state <> 'running'");
  const requeue = db.prepare(
    `UPDATE queue_items SET state = 'waiting', position = ?, generation_id = NULL, owner_pid = NULL,
       error_code = NULL, error_message = NULL, started_at = NULL, finished_at = NULL WHERE id = ?`,
  );
  const clearFinished = db.prepare("DELETE FROM queue_items WHERE state IN ('done', 'failed', 'cancelled')");
  const readPaused = reader.prepare<[], { paused: number }>('SELECT paused FROM queue_state WHERE id = 1');
  const writePaused = db.prepare('UPDATE queue_state SET paused = ? WHERE id = 1');
  const orphans = db.prepare<
    [number],
    {
      id: number;
      ownerPid: number | null;
      generationId: number | null;
      status: string | null;
      errorCode: string | null;
      errorMessage: string | null;
    }
  >(
    `SELECT q.id, q.owner_pid AS ownerPid, q.generation_id AS generationId, g.status,
       g.error_code AS errorCode, g.error_message AS errorMessage
     FROM queue_items q LEFT JOIN generations g ON g.id = q.generation_id
     WHERE q.state = 'running' AND (q.owner_pid IS NULL OR q.owner_pid <> ?)`,
  );

  const record = (id: number): QueueRecord | undefined => {
    const row = writerItem.get(id);
    return row ? toRecord(row) : undefined;
  };

  return {
    add(entries, batch) {
      return db
        .transaction(() => {
          let position = nextPosition.get()?.next ?? 1;
          return entries.map((entry) => {
            const id = Number(
              insert.run(
                position,
                JSON.stringify(entry.request),
                JSON.stringify(entry.referenceIds),
                batch,
                now(),
              ).lastInsertRowid,
            );
            position += 1;
            return id;
          });
        })
        .immediate();
    },
    claim(pid, batch) {
      return db
        .transaction(() => {
          const next = batch === undefined ? firstWaiting.get() : firstWaitingOf.get(batch);
          if (!next) return undefined;
          take.run(pid, now(), next.id);
          return record(next.id);
        })
        .immediate();
    },
    linkGeneration(id, generationId) {
      link.run(generationId, id);
    },
    release(id) {
      release.run(id);
    },
    finish(id, state, error) {
      finish.run({ id, state, code: error?.code ?? null, message: error?.message ?? null, now: now() });
    },
    list: () => all.all().map(toRecord),
    openCount: (batch) => (batch === undefined ? countOpen.get() : countOpenOf.get(batch))?.count ?? 0,
    item(id) {
      const row = readerItem.get(id);
      return row ? toRecord(row) : undefined;
    },
    reorder(ids) {
      db.transaction(() => {
        const waiting = ids.filter((id) => stateOf.get(id)?.state === 'waiting');
        const positions = waiting.map((id) => stateOf.get(id)?.position ?? 0).sort((a, b) => a - b);
        waiting.forEach((id, index) => setPosition.run(positions[index], id));
      }).immediate();
    },
    remove(ids) {
      return db.transaction(() => ids.filter((id) => deleteItem.run(id).changes > 0)).immediate();
    },
    retry(ids, resendUnknown) {
      return db
        .transaction(() => {
          let position = nextPosition.get()?.next ?? 1;
          return ids.filter((id) => {
            const state = stateOf.get(id)?.state;
            const allowed =
              state === 'failed' || state === 'cancelled' || (state === 'unknown' && resendUnknown);
            if (!allowed) return false;
            requeue.run(position, id);
            position += 1;
            return true;
          });
        })
        .immediate();
    },
    clearFinished: () => clearFinished.run().changes,
    paused: () => readPaused.get()?.paused === 1,
    setPaused(paused) {
      writePaused.run(paused ? 1 : 0);
    },
    recoverOrphans(pid, isAlive) {
      return db
        .transaction(() => {
          const report: RecoveredItems = { requeued: 0, settled: 0, unknown: 0 };
          for (const orphan of orphans.all(pid)) {
            if (orphan.ownerPid !== null && isAlive(orphan.ownerPid)) continue;
            if (orphan.generationId === null) {
              release.run(orphan.id);
              report.requeued += 1;
              continue;
            }
            const error = storedError(orphan.errorCode, orphan.errorMessage);
            switch (orphan.status) {
              case 'running':
                continue;
              case 'succeeded':
              case 'partial':
                finish.run({ id: orphan.id, state: 'done', code: null, message: null, now: now() });
                report.settled += 1;
                continue;
              case 'failed':
              case 'cancelled':
                finish.run({
                  id: orphan.id,
                  state: orphan.status,
                  code: error?.code ?? null,
                  message: error?.message ?? null,
                  now: now(),
                });
                report.settled += 1;
                continue;
              default:
                finish.run({
                  id: orphan.id,
                  state: 'unknown',
                  code: unknownOutcome.code,
                  message: unknownOutcome.message,
                  now: now(),
                });
                report.unknown += 1;
            }
          }
          return report;
        })
        .immediate();
    },
  };
}
