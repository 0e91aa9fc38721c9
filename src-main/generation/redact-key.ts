import type { AppError } from '../../src-preload/contract/errors';

/**
 * Replaces the API key wherever a message quotes it (a gateway may echo the Authorization header back), so the
 * key never reaches the renderer, the library or a log. Keys shorter than 4 characters are not real keys, and
 * replacing them would mangle ordinary words.
 */
export function redactKey(error: AppError, apiKey: string): AppError {
  return apiKey.length >= 4 && error.message.includes(apiKey)
    ? { ...error, message: error.message.replaceAll(apiKey, '[API key]') }
    : error;
}
