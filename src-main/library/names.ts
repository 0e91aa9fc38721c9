import { AppFailure, appError } from '../../src-preload/contract/errors';

/** A name the user gives (a tag, a collection, a saved prompt, a reference set): trimmed, 1 to 200 characters. */
export function cleanName(name: string, what: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 200) {
    throw new AppFailure(
      appError('invalid-input', `A ${what} name needs 1 to 200 characters.`, { field: 'name' }),
    );
  }
  return trimmed;
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Runs `write`; a unique-name violation becomes a failure that names the clash. */
export function withUniqueName<T>(name: string, what: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppFailure(
        appError('invalid-input', `A ${what} named "${name}" already exists.`, { field: 'name' }),
      );
    }
    throw error;
  }
}
