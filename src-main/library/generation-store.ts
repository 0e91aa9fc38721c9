import { AppFailure, appError, type AppError } from '../../src-preload/contract/errors';
import type { GatewayKind } from '../../src-preload/contract/gateway-profiles';
import type { Price } from '../../src-preload/contract/models';
import { generationCost } from '../../src-preload/contract/pricing';
import { createLedgerQueries, type LedgerQueries } from './ledger-queries';
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
  /** The gateway and the price in force when it is sent, and the most it can cost; absent for an import. */
  pricing?: { gateway: GatewayKind; price: Price; estimateMicros: number } | null;
}

/** How a generation ended, as the catalog records it. */
export interface GenerationEnding {
  status: Exclude<GenerationStatus, 'running'>;
  usage?: Usage | null;
  error?: AppError | null;
  /** Images the gateway made and so billed (its `generated_images`, else those that were announced). */
  billedImages?: number;
}

export interface GenerationStore {
  /**
   * Recorded before the API call, so a crash during it still leaves a trace of what was asked (and paid).
   * `admit` runs first, in the same write transaction, and refuses by throwing (a budget): it reads the ledger
   * as that transaction sees it. The transaction begins IMMEDIATE, taking the catalog's write lock before
   * anything is read, so another process (the app and the command line share the catalog) cannot pass the
   * same check until this record is committed; it waits for the lock up to the connection's busy timeout.
   */
  create(generation: NewGeneration, admit?: (ledger: LedgerQueries) => void): number;
  /** Recorded the moment a link arrives, so a restart can still fetch the image before the link expires. */
  recordResultUrl(generationId: number, position: number, url: string, expiresAt: number): void;
  recordSlotFailure(generationId: number, position: number, error: AppError, state?: 'failed' | 'lost'): void;
  recordUsage(generationId: number, usage: Usage): void;
  finish(generationId: number, outcome: GenerationEnding): void;
}

export function createGenerationStore(ctx: WriteContext): GenerationStore {
  const { writer: db, now } = ctx;
  // On the writer, so what `admit` reads is what the write transaction sees, never an older snapshot.
  const ledger = createLedgerQueries(db);
  const insertGeneration = db.prepare(
    `INSERT INTO generations (kind, prompt, model, params, requested_images, status, owner_pid, created_at, finished_at,
       gateway, price_currency, price_per_image_micros, price_per_reference_micros, price_free_references,
       reference_count, estimate_micros)
     VALUES (@kind, @prompt, @model, @params, @requestedImages, @status, @ownerPid, @createdAt, @finishedAt,
       @gateway, @currency, @perImage, @perReference, @freeReferences, @referenceCount, @estimate)`,
  );
  const priceOf = db.prepare<
    [number],
    {
      currency: Price['currency'] | null;
      perImage: number | null;
      perReference: number | null;
      freeReferences: number | null;
      referenceCount: number | null;
    }
  >(
    `SELECT price_currency AS currency, price_per_image_micros AS perImage,
       price_per_reference_micros AS perReference, price_free_references AS freeReferences,
       reference_count AS referenceCount
     FROM generations WHERE id = ?`,
  );
  const updateCost = db.prepare(
    'UPDATE generations SET billed_images = @billedImages, cost_micros = @cost WHERE id = @id',
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
    create(generation, admit) {
      return db
        .transaction(() => {
          admit?.(ledger);
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
              gateway: generation.pricing?.gateway ?? null,
              currency: generation.pricing?.price.currency ?? null,
              perImage: generation.pricing?.price.perImageMicros ?? null,
              perReference: generation.pricing?.price.perReferenceMicros ?? null,
              freeReferences: generation.pricing?.price.freeReferences ?? null,
              referenceCount: generation.pricing ? generation.referenceIds.length : null,
              estimate: generation.pricing?.estimateMicros ?? null,
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
        if (outcome.billedImages !== undefined) recordCost(generationId, outcome.billedImages);
      }).immediate();
    },
  };

  /** The cost at the stored price; a generation without one (older, or imported) keeps an unknown cost. */
  function recordCost(generationId: number, billedImages: number): void {
    const row = priceOf.get(generationId);
    if (row?.currency == null || row.perImage === null) return;
    const price: Price = {
      currency: row.currency,
      perImageMicros: row.perImage,
      perReferenceMicros: row.perReference ?? 0,
      freeReferences: row.freeReferences ?? 0,
    };
    const cost = generationCost(price, billedImages, row.referenceCount ?? 0);
    updateCost.run({ id: generationId, billedImages, cost: cost.micros });
  }
}
