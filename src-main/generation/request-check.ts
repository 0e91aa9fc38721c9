import { appError, AppFailure } from '../../src-preload/contract/errors';
import {
  blockingIssues,
  validateGenerationRequest,
  type GenerationRequest,
  type ValidationContext,
} from '../../src-preload/contract/generation';
import { findModel, type ModelInfo } from '../../src-preload/contract/models';

/** The request's model, or an `invalid-input` failure naming every blocking issue and the first field. */
export function checkRequest(
  request: GenerationRequest,
  referenceCount: number,
  catalogue: readonly ModelInfo[],
  offer?: ValidationContext['offer'],
): ModelInfo {
  const blocking = blockingIssues(
    validateGenerationRequest(request, { referenceCount, catalogue, ...(offer ? { offer } : {}) }),
  );
  const model = findModel(request.model, catalogue);
  const first = blocking[0];
  if (first || !model) {
    const message = blocking.map((found) => found.message).join(' ') || 'The request is not valid.';
    throw new AppFailure(appError('invalid-input', message, first ? { field: first.field } : {}));
  }
  return model;
}

/** Refuses a key that cannot be sent, before anything is recorded or sent. */
export function checkKey(apiKey: string): void {
  if (apiKey.trim() === '') {
    throw new AppFailure(appError('key-missing', 'No API key is set. Add one in Settings.'));
  }
  if (Array.from(apiKey).some((char) => char.charCodeAt(0) <= 0x20 || char.charCodeAt(0) === 0x7f)) {
    throw new AppFailure(
      appError('key-rejected', 'The API key contains spaces or line breaks. Paste it again.'),
    );
  }
}
