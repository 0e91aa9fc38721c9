import { AppFailure, appError } from '../../src-preload/contract/errors';

/** The failure for something the renderer named that the library no longer has. */
export function notFound(what: string): AppFailure {
  return new AppFailure(appError('not-found', `${what} is no longer in the library.`));
}
