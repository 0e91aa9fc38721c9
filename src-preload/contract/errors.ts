import { z } from 'zod';

/**
 * Every failure that crosses a process boundary (IPC, CLI output) is one of these codes plus a sentence a user
 * can act on. Codes are stable so the renderer can translate and point at controls; messages are English
 * fallbacks written for people, never stack traces.
 */
export const errorCodes = [
  'invalid-input',
  'forbidden-sender',
  'unknown-channel',
  'internal',
  'not-found',
  'cancelled',
  'key-missing',
  'key-rejected',
  'keychain-unavailable',
  'no-credit',
  'forbidden',
  'rate-limited',
  'content-rejected',
  'bad-request',
  'server-error',
  'offline',
  'timeout',
  'link-expired',
  'download-failed',
  'invalid-image',
  'storage-failed',
  'connection-lost',
  'library-too-new',
  'interrupted',
  'budget-exceeded',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  /** The request field the error is about, so the UI can focus that control. */
  field: z.string().optional(),
  retryAfterSeconds: z.number().optional(),
});

export type AppError = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function appError(
  code: ErrorCode,
  message: string,
  extra: Partial<Omit<AppError, 'code' | 'message'>> = {},
): AppError {
  return { code, message, ...extra };
}

/** The same error, its message led by the name of the file it is about. */
export function aboutFile(name: string, error: AppError): AppError {
  return { ...error, message: `${name}: ${error.message}` };
}

/** Thrown inside main; caught at the boundary and turned into a `Result` failure. */
export class AppFailure extends Error {
  readonly appError: AppError;
  constructor(error: AppError) {
    super(error.message);
    this.name = 'AppFailure';
    this.appError = error;
  }
}
