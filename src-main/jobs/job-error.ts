import { AppFailure, appError, type AppError } from '../../src-preload/contract/errors';
import type { Logger } from '../logging/logger';

/** The user's side of a failure; the log's side keeps the stack of anything unexpected. */
export function asAppError(error: unknown, log: Logger, context: string): AppError {
  if (error instanceof AppFailure) {
    log.warn(`${context}: ${error.appError.code}: ${error.appError.message}`);
    return error.appError;
  }
  log.error(`${context}: unexpected failure`, error);
  return appError('internal', 'Something went wrong while generating. Details are in the log.');
}
