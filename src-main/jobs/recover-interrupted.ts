import { AppFailure, appError, type AppError } from '../../src-preload/contract/errors';
import { downloadResult } from '../generation/download';
import { isProcessAlive } from '../library/file-store';
import type { Library } from '../library/library';
import type { HttpClient } from '../network/http-client';

export interface RecoveryDeps {
  library: Pick<Library, 'context' | 'generations' | 'imageStore'>;
  /** Downloads the links left waiting. */
  http: HttpClient;
  pid?: number;
  isAlive?: (pid: number) => boolean;
  signal?: AbortSignal;
  /** Downloads run at the same time. */
  concurrency?: number;
}

export interface RecoveryReport {
  /** Generations left running by a process that is gone, now finished. */
  generations: number;
  /** Images downloaded from links recorded before the stop. */
  saved: number;
  /** Links that had expired, or that the storage refused as expired. */
  lost: number;
  /** Links that failed for another reason. */
  failed: number;
}

interface PendingSlot {
  position: number;
  url: string;
  expiresAt: number;
}

const expiredMessage =
  'The app stopped before this image was downloaded, and its link has expired (links last 24 hours).';

/**
 * Finishes what a stopped process left: every generation still `running` whose owner is gone is claimed (so two
 * starting processes never both resume it), its unexpired result links are downloaded and stored, expired ones
 * are marked lost with the reason, and the generation gets its final status.
 */
export async function recoverInterrupted(deps: RecoveryDeps): Promise<RecoveryReport> {
  const { context, generations, imageStore } = deps.library;
  const { writer: db, now } = context;
  const pid = deps.pid ?? process.pid;
  const isAlive = deps.isAlive ?? isProcessAlive;
  const report: RecoveryReport = { generations: 0, saved: 0, lost: 0, failed: 0 };

  const running = db.prepare<[], { id: number; ownerPid: number | null }>(
    "SELECT id, owner_pid AS ownerPid FROM generations WHERE status = 'running'",
  );
  const claim = db.prepare('UPDATE generations SET owner_pid = ? WHERE id = ?');
  const claimed = db
    .transaction(() => {
      const ids: number[] = [];
      for (const generation of running.all()) {
        if (generation.ownerPid === pid) continue;
        if (generation.ownerPid !== null && isAlive(generation.ownerPid)) continue;
        claim.run(pid, generation.id);
        ids.push(generation.id);
      }
      return ids;
    })
    .immediate();

  const pendingSlots = db.prepare<[number], PendingSlot>(
    `SELECT position, url, expires_at AS expiresAt FROM result_slots
     WHERE generation_id = ? AND state = 'pending' AND url IS NOT NULL AND expires_at IS NOT NULL ORDER BY position`,
  );
  const tally = db.prepare<[number], { images: number; requested: number; problems: number }>(
    `SELECT (SELECT count(*) FROM images WHERE generation_id = g.id) AS images, g.requested_images AS requested,
       (SELECT count(*) FROM result_slots s WHERE s.generation_id = g.id AND s.state IN ('failed', 'lost'))
         AS problems
     FROM generations g WHERE g.id = ?`,
  );

  const work: (() => Promise<void>)[] = [];
  for (const generationId of claimed) {
    for (const slot of pendingSlots.all(generationId)) {
      if (slot.expiresAt <= now()) {
        generations.recordSlotFailure(
          generationId,
          slot.position,
          appError('link-expired', expiredMessage),
          'lost',
        );
        report.lost += 1;
        continue;
      }
      work.push(async () => {
        try {
          const file = await downloadResult(slot.url, {
            http: deps.http,
            tmpDir: context.tmpDir,
            expiresAt: slot.expiresAt,
            signal: deps.signal,
            now,
          });
          await imageStore.store({ generationId, position: slot.position }, file);
          report.saved += 1;
        } catch (error) {
          const reason: AppError =
            error instanceof AppFailure
              ? error.appError
              : appError('download-failed', 'The image could not be downloaded after the restart.');
          if (reason.code === 'cancelled') return;
          const lost = reason.code === 'link-expired';
          generations.recordSlotFailure(generationId, slot.position, reason, lost ? 'lost' : 'failed');
          if (lost) report.lost += 1;
          else report.failed += 1;
        }
      });
    }
  }
  await runLimited(work, deps.concurrency ?? 4);
  if (deps.signal?.aborted) return report;

  for (const generationId of claimed) {
    const counts = tally.get(generationId);
    if (!counts) continue;
    const complete = counts.problems === 0 && counts.images >= counts.requested;
    let status: 'succeeded' | 'partial' | 'interrupted' = 'interrupted';
    if (complete) status = 'succeeded';
    else if (counts.images > 0) status = 'partial';
    generations.finish(generationId, {
      status,
      error: complete
        ? null
        : appError(
            'interrupted',
            `The app stopped while this generation was running; ${counts.images} image(s) were saved.`,
          ),
    });
    report.generations += 1;
  }
  return report;
}

async function runLimited(tasks: readonly (() => Promise<void>)[], concurrency: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next];
      next += 1;
      if (task) await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
}

export interface ResumeOptions {
  /** Downloads the links left waiting. */
  http: HttpClient;
  signal?: AbortSignal;
}

/**
 * What a process runs before its own generations (the command line before each `generate`): clears what dead
 * processes left in the library, then resumes the downloads of the generations they left running.
 */
export async function resumeInterrupted(library: Library, options: ResumeOptions): Promise<RecoveryReport> {
  await library.tidy();
  return recoverInterrupted({ library, http: options.http, signal: options.signal });
}
