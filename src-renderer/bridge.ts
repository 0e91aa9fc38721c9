import type { SeedreamApi } from '../src-preload/bridge';
import { AppFailure, type AppError, type Result } from '../src-preload/contract/errors';

declare global {
  interface Window {
    readonly seedream: SeedreamApi;
  }
}

/** The only module that touches `window.seedream`; everything else imports `api` and `unwrap` from here. */
export const api: SeedreamApi = window.seedream;

export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (result.ok) return result.value;
  // Thrown rather than returned so callers can `try`/`catch`; `errorOf` reads the error back out.
  throw new AppFailure(result.error);
}

export function errorOf(thrown: unknown): AppError {
  if (thrown instanceof AppFailure) return thrown.appError;
  return { code: 'internal', message: thrown instanceof Error ? thrown.message : String(thrown) };
}
