import { AppFailure, appError, type AppError } from '../../src-preload/contract/errors';
import type { GenerationStatus, Usage } from './records';
import type { WriteContext } from './write-context';

export interface NewGeneration {
  kind: 'api' | 'import';
  prompt: string;
  model: string;
  /** Every parameter sent to the API, as sent; reference images go in `referenceIds`. */
  params: Record<string, unknown>;
  requestedImages: number;
  /** Library images used as references, in the order they are sent. */
  referenceIds: readonly number[];
  /** The process that will finish it; null for an import, which is finished on creation. */
  ownerPid: number | null;
}

/** How a generation ended, as the catalog records it. */
export interface GenerationEnding {
  status: Exclude<GenerationStatus, 'running'>;
  usage?: Usage | null;
  error?: AppError | null;
}

export interface GenerationStore {
  /** Recorded before the API call, so a crash during it still leaves a trace of what was asked (and paid). */
  create(generation: NewGeneration): number;
  /** Recorded the moment a link arrives, so a restart can still fetch the image before the link expires. */
  recordResultUrl(generationId: number, position: number, url: string, expiresAt: number): void;
  recordSlotFailure(generationId: number, position: number, error: AppError, state?: 'failed' | 'lost'): void;
  recordUsage(generationId: number, usage: Usage): void;
  finish(generationId: number, outcome: GenerationEnding): void;
}

export function createGenerationStore(ctx: WriteContext): GenerationStore {
  const { writer: db, now } = ctx;
  const insertGeneration = db.prepare(
    `INSERT INTO generations (kind, prompt, model, params, requested_images, status, owner_pid, created_at, finished_at)
     VALUES (@kind, @prompt, @model, @params, @requestedImages, @status, @ownerPid, @createdAt, @finishedAt)`,
  );
  const imageExists = db.prepare<[number], { id: number }>('SELECT id FROM images WHERE id = ?');
  const insertReference = db.prepare(
    'INSERT INTO generation_references (generation_id, position, image_id) VALUES (?, ?, ?)',
  );
  const upsertUrl = db.prepare(
    `INSERT INTO result_slots (generation_id, position, url, expires_at, state, updated_at)
     VALUES (@generationId, @position, @url, @expiresAt, 'pending', @now)
     ON CONFLICT (generation_id, position) DO UPDATE SET url = excluded.url, expires_at = excluded.expires_at,
       updated_at = excluded.updated_at
     WHERE result_slots.state = 'pending'`,
  );
  const upsertFailure = db.prepare(
    `INSERT INTO result_slots (generation_id, position, state, error_code, reason, updated_at)
     VALUES (@generationId, @position, @state, @code, @reason, @now)
     ON CONFLICT (generation_id, position) DO UPDATE SET state = excluded.state, error_code = excluded.error_code,
       reason = excluded.reason, updated_at = excluded.updated_at
     WHERE result_slots.state <> 'saved'`,
  );
  const updateUsage = db.prepare(
    `UPDATE generations SET usage_generated_images = @generatedImages, usage_output_tokens = @outputTokens,
       usage_total_tokens = @totalTokens WHERE id = @id`,
  );
  const updateOutcome = db.prepare(
    `UPDATE generations SET status = @status, error_code = @code, error_message = @message, finished_at = @now,
       owner_pid = NULL WHERE id = @id`,
  );

  return {
    create(generation) {
      return db
        .transaction(() => {
          const finished = generation.kind === 'import';
          const createdAt = now();
          const id = Number(
            insertGeneration.run({
              kind: generation.kind,
              prompt: generation.prompt,
              model: generation.model,
              params: JSON.stringify(generation.params),
              requestedImages: generation.requestedImages,
              status: finished ? 'imported' : 'running',
              ownerPid: generation.ownerPid,
              createdAt,
              finishedAt: finished ? createdAt : null,
            }).lastInsertRowid,
          );
          generation.referenceIds.forEach((imageId, position) => {
            if (!imageExists.get(imageId)) {
              throw new AppFailure(appError('not-found', 'A reference image is no longer in the library.'));
            }
            insertReference.run(id, position, imageId);
          });
          return id;
        })
        .immediate();
    },
    recordResultUrl(generationId, position, url, expiresAt) {
      upsertUrl.run({ generationId, position, url, expiresAt, now: now() });
    },
    recordSlotFailure(generationId, position, error, state = 'failed') {
      upsertFailure.run({
        generationId,
        position,
        state,
        code: error.code,
        reason: error.message,
        now: now(),
      });
    },
    recordUsage(generationId, usage) {
      updateUsage.run({ id: generationId, ...usage });
    },
    finish(generationId, outcome) {
      db.transaction(() => {
        if (outcome.usage) updateUsage.run({ id: generationId, ...outcome.usage });
        updateOutcome.run({
          id: generationId,
          status: outcome.status,
          code: outcome.error?.code ?? null,
          message: outcome.error?.message ?? null,
          now: now(),
        });
      }).immediate();
    },
  };
}
