import type { AppError, Result } from '../src-preload/contract/errors';

/**
 * The renderer reads every outcome as a `Result`, as it crosses the IPC boundary: a caller checks `ok` and
 * nothing is thrown for a failure it can explain. These are the only ways a thrown error becomes one.
 */

/** A failure the renderer itself ran into (a browser API that threw), in the contract's shape. */
export function thrownToError(thrown: unknown): AppError {
  return { code: 'internal', message: thrown instanceof Error ? thrown.message : String(thrown) };
}

/** Runs a browser call that may throw or reject (the clipboard, reading a file) and answers with a Result. */
export async function settle<T>(run: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (thrown) {
    return { ok: false, error: thrownToError(thrown) };
  }
}

/** Several Results as one: every value in order, or the first failure. */
export function allOk<T extends readonly unknown[]>(results: {
  readonly [K in keyof T]: Result<T[K]>;
}): Result<T> {
  const values: unknown[] = [];
  for (const result of results as readonly Result<unknown>[]) {
    if (!result.ok) return result;
    values.push(result.value);
  }
  // The loop keeps the tuple's order and types; TypeScript cannot follow a loop over a tuple.
  return { ok: true, value: values as unknown as T };
}
