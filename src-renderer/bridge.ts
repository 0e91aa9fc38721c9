import type { SeedreamApi } from '../src-preload/bridge';
import type { AppError, Result } from '../src-preload/contract/errors';

declare global {
  interface Window {
    readonly seedream: SeedreamApi;
  }
}

/** A failure reported by main, carried as an exception inside the renderer so callers can `try`/`catch`. */
export class MainError extends Error {
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.message);
    this.name = 'MainError';
    this.error = error;
  }
}

/** The only module that touches `window.seedream`; everything else imports `api` and `unwrap` from here. */
export const api: SeedreamApi = window.seedream;

export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (result.ok) return result.value;
  throw new MainError(result.error);
}

export function errorOf(thrown: unknown): AppError {
  if (thrown instanceof MainError) return thrown.error;
  return { code: 'internal', message: thrown instanceof Error ? thrown.message : String(thrown) };
}
