import type { ReadableDb } from './database';
import {
  collectionColumns,
  createImageLookup,
  imageColumns,
  imagesWithPrompt,
  promptJoin,
  tagColumns,
  toImageRecord,
  type ImageRow,
} from './catalog-rows';
import {
  storedError,
  type CollectionRecord,
  type GenerationRecord,
  type GenerationStatus,
  type ImageDetail,
  type ImageRecord,
  type SlotState,
  type TagRecord,
} from './records';

interface GenerationRow {
  id: number;
  kind: 'api' | 'import';
  prompt: string;
  model: string;
  params: string;
  requestedImages: number;
  status: GenerationStatus;
  errorCode: string | null;
  errorMessage: string | null;
  generatedImages: number | null;
  outputTokens: number | null;
  totalTokens: number | null;
  createdAt: number;
  finishedAt: number | null;
  gateway: string | null;
  currency: 'USD' | 'CNY' | null;
  perImage: number | null;
  cost: number | null;
}

interface SlotRow {
  position: number;
  state: SlotState;
  expiresAt: number | null;
  errorCode: string | null;
  reason: string | null;
}

/** How many derived images a detail lists; an image reused hundreds of times is summarised, not dumped. */
const derivedImagesShown = 200;

function parseParams(text: string): Record<string, unknown> {
  const value: unknown = JSON.parse(text);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : {};
}

export interface DetailQueries {
  generation(id: number): GenerationRecord | undefined;
  detail(imageId: number): ImageDetail | undefined;
  /** The reference images of a generation, in the order they were sent. */
  references(generationId: number): ImageRecord[];
}

export function createDetailQueries(db: ReadableDb): DetailQueries {
  const imageById = createImageLookup(db);
  const generationById = db.prepare<[number], GenerationRow>(
    `SELECT id, kind, prompt, model, params, requested_images AS requestedImages, status,
       error_code AS errorCode, error_message AS errorMessage, usage_generated_images AS generatedImages,
       usage_output_tokens AS outputTokens, usage_total_tokens AS totalTokens, created_at AS createdAt,
       finished_at AS finishedAt, gateway, price_currency AS currency, price_per_image_micros AS perImage,
       cost_micros AS cost
     FROM generations WHERE id = ?`,
  );
  const slotsOf = db.prepare<[number], SlotRow>(
    `SELECT position, state, expires_at AS expiresAt, error_code AS errorCode, reason
     FROM result_slots WHERE generation_id = ? ORDER BY position`,
  );
  const referencesOf = db.prepare<[number], ImageRow>(
    `SELECT ${imageColumns} FROM generation_references r JOIN images i ON i.id = r.image_id ${promptJoin}
     WHERE r.generation_id = ? ORDER BY r.position`,
  );
  const derivedFrom = db.prepare<[number, number], ImageRow>(
    `SELECT ${imageColumns} FROM ${imagesWithPrompt}
     WHERE i.generation_id IN (SELECT generation_id FROM generation_references WHERE image_id = ?)
       AND i.trashed_at IS NULL
     ORDER BY i.id DESC LIMIT ?`,
  );
  const tagsOf = db.prepare<[number], TagRecord>(
    `SELECT ${tagColumns} FROM image_tags it JOIN tags t ON t.id = it.tag_id WHERE it.image_id = ? ORDER BY t.name`,
  );
  const collectionsOf = db.prepare<[number], CollectionRecord>(
    `SELECT ${collectionColumns}
     FROM collection_images ci JOIN collections c ON c.id = ci.collection_id WHERE ci.image_id = ? ORDER BY c.name`,
  );

  function generation(id: number): GenerationRecord | undefined {
    const row = generationById.get(id);
    if (!row) return undefined;
    const usage =
      row.generatedImages === null && row.outputTokens === null && row.totalTokens === null
        ? null
        : {
            generatedImages: row.generatedImages ?? 0,
            outputTokens: row.outputTokens ?? 0,
            totalTokens: row.totalTokens ?? 0,
          };
    return {
      id: row.id,
      kind: row.kind,
      prompt: row.prompt,
      model: row.model,
      params: parseParams(row.params),
      requestedImages: row.requestedImages,
      status: row.status,
      error: storedError(row.errorCode, row.errorMessage),
      usage,
      gateway: row.gateway,
      pricePerImage:
        row.currency === null || row.perImage === null
          ? null
          : { micros: row.perImage, currency: row.currency },
      cost: row.currency === null || row.cost === null ? null : { micros: row.cost, currency: row.currency },
      createdAt: row.createdAt,
      finishedAt: row.finishedAt,
      slots: slotsOf.all(id).map((slot) => ({
        position: slot.position,
        state: slot.state,
        expiresAt: slot.expiresAt,
        error: storedError(slot.errorCode, slot.reason),
      })),
    };
  }

  return {
    generation,
    references: (generationId) => referencesOf.all(generationId).map(toImageRecord),
    detail(imageId) {
      const image = imageById(imageId);
      if (!image) return undefined;
      return {
        image,
        generation: image.generationId === null ? null : (generation(image.generationId) ?? null),
        references:
          image.generationId === null ? [] : referencesOf.all(image.generationId).map(toImageRecord),
        derived: derivedFrom.all(imageId, derivedImagesShown).map(toImageRecord),
        tags: tagsOf.all(imageId),
        collections: collectionsOf.all(imageId),
      };
    },
  };
}
