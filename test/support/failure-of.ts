import { AppFailure, type AppError } from '../../src-preload/contract/errors';

/** The `{code, message}` a promise failed with; fails the test when it resolves or throws anything else. */
export async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppFailure) return error.appError;
    throw error;
  }
  throw new Error('expected the promise to fail');
}
