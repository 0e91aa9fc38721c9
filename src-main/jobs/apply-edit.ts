import { readFile } from 'node:fs/promises';
import {
  changesPixels,
  editDocumentSchema,
  type EditDocument,
  type TextLayer,
} from '../../src-preload/contract/edit';
import { composeEditPrompt } from '../../src-preload/contract/edit-prompt';
import { AppFailure, appError } from '../../src-preload/contract/errors';
import type { GenerationRequest } from '../../src-preload/contract/generation';
import { findModel, modelCatalogue, type ModelInfo } from '../../src-preload/contract/models';
import { flattenEdit } from '../edit/flatten-edit';
import { marksSvg } from '../edit/marks-svg';
import { requestFromSentParams } from '../generation/remix';
import { prepareReference } from '../generation/references';
import { checkRequest } from '../generation/request-check';
import type { EditVersionRecord } from '../library/edit-store';
import type { Library } from '../library/library';
import type { ImageRecord } from '../library/records';
import type { ImageCodec } from '../media/image-codec';
import type { GenerationJobs, JobSnapshot } from './generation-jobs';

export interface EditInput {
  baseId: number;
  /** The other references, sent after the base. */
  referenceIds: readonly number[];
  document: EditDocument;
  /** `prompt` as written, with region placeholders. */
  request: GenerationRequest;
  textLayers: readonly TextLayer[];
}

export interface EditStarted {
  snapshot: JobSnapshot;
  sent: ImageRecord;
  prompt: string;
}

export interface ReopenedEditRecord {
  generationId: number;
  base: ImageRecord;
  references: ImageRecord[];
  marked: ImageRecord | null;
  document: EditDocument;
  request: GenerationRequest;
}

export interface EditApplier {
  apply(input: EditInput): Promise<EditStarted>;
  reopen(generationId: number): ReopenedEditRecord;
  /** The edits made from an image, recursively, for its "Versions" list. */
  versions(imageId: number): EditVersionRecord[];
}

type EditLibrary = Pick<Library, 'images' | 'details' | 'edits' | 'filePath'>;

function notFound(message: string): AppFailure {
  return new AppFailure(appError('not-found', message));
}

/**
 * Applying an edit: the prompt written out for the model (region tags, remove the marks), the marks drawn onto
 * a copy of the base at full resolution and made a valid reference, that copy kept in the library with
 * lineage to the base, then one ordinary generation with the copy first, and the edit recorded beside it.
 */
export function createEditApplier(deps: {
  library: EditLibrary;
  jobs: Pick<GenerationJobs, 'start'>;
  codec: ImageCodec;
  catalogue?: readonly ModelInfo[];
}): EditApplier {
  const { library, jobs, codec } = deps;
  const catalogue = deps.catalogue ?? modelCatalogue;

  function image(id: number, what: string): ImageRecord {
    const found = library.images.image(id);
    if (!found) throw notFound(`${what} is no longer in the library.`);
    return found;
  }

  async function sentImage(base: ImageRecord, input: EditInput, prompt: string): Promise<ImageRecord> {
    if (!changesPixels(input.document)) return base;
    const bytes = await readFile(library.filePath(base)).catch(() => {
      throw notFound('The file of the base image is missing from the library.');
    });
    const flattened = await flattenEdit(
      codec,
      bytes,
      input.document,
      marksSvg(input.document),
      input.textLayers,
    );
    const prepared = await prepareReference(codec, flattened);
    return library.edits.storeMarkedCopy(base.id, prepared.data, prompt);
  }

  return {
    async apply(input) {
      const base = image(input.baseId, 'The base image');
      const model = findModel(input.request.model, catalogue);
      const composed = composeEditPrompt(input.request.prompt, input.document, model?.regions ?? null);
      if (!composed.ok) {
        throw new AppFailure(appError('invalid-input', composed.message, { field: 'prompt' }));
      }
      const request = { ...input.request, prompt: composed.prompt };
      // Checked before the copy is made, so a request that cannot be sent leaves nothing behind.
      checkRequest(request, input.referenceIds.length + 1, catalogue);
      const sent = await sentImage(base, input, composed.prompt);
      const snapshot = await jobs.start(request, [sent.id, ...input.referenceIds]);
      library.edits.record({
        generationId: snapshot.generationId,
        baseImageId: base.id,
        markedImageId: sent.id === base.id ? null : sent.id,
        prompt: input.request.prompt,
        document: input.document,
      });
      return { snapshot, sent, prompt: composed.prompt };
    },
    reopen(generationId) {
      const edit = library.edits.forGeneration(generationId);
      if (!edit) throw notFound('This image was not made in the Edit view, so there is no edit to reopen.');
      const generation = library.details.generation(generationId);
      const document = editDocumentSchema.safeParse(edit.document);
      const request = generation ? requestFromSentParams(generation.params) : null;
      if (!document.success || !request) {
        throw notFound('This edit was recorded in a form this version cannot read.');
      }
      return {
        generationId,
        base: image(edit.baseImageId, 'The base of this edit'),
        references: library.details.references(generationId).slice(1),
        marked: edit.markedImageId === null ? null : image(edit.markedImageId, 'The marked copy'),
        document: document.data,
        request: { ...request, prompt: edit.prompt },
      };
    },
    versions(imageId) {
      image(imageId, 'This image');
      return library.edits.versionsFrom(imageId);
    },
  };
}
