import type { AppError, ErrorCode } from '../../src-preload/contract/errors';
import type { GenerationField } from '../../src-preload/contract/generation';

export type ErrorAction =
  | { kind: 'settings' }
  | { kind: 'wait'; seconds: number }
  | { kind: 'field'; field: GenerationField }
  | { kind: 'none' };

const generationFields: readonly GenerationField[] = [
  'model',
  'prompt',
  'size',
  'responseFormat',
  'outputFormat',
  'watermark',
  'guidanceScale',
  'seed',
  'sequential',
  'maxImages',
  'stream',
  'references',
];

function isGenerationField(field: string | undefined): field is GenerationField {
  return field !== undefined && (generationFields as readonly string[]).includes(field);
}

const settingsCodes: ReadonlySet<ErrorCode> = new Set(['key-missing', 'key-rejected', 'forbidden']);

/**
 * What the user can do about an engine error: open Settings for key problems, wait out a rate limit, or go
 * to the control the error names (a rejected prompt, an image the provider refused, a size it would not take).
 */
export function adviseOn(error: AppError): ErrorAction {
  if (settingsCodes.has(error.code)) return { kind: 'settings' };
  if (error.code === 'rate-limited') {
    return { kind: 'wait', seconds: Math.max(1, Math.ceil(error.retryAfterSeconds ?? 30)) };
  }
  if (isGenerationField(error.field)) return { kind: 'field', field: error.field };
  if (error.code === 'content-rejected') return { kind: 'field', field: 'prompt' };
  return { kind: 'none' };
}
