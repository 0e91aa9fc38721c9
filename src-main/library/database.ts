import Database from 'better-sqlite3';

declare const readableBrand: unique symbol;
declare const writableBrand: unique symbol;

/**
 * A connection that may only read. Queries take this type, so a function that needs to write cannot be handed
 * the query connection by mistake; the connection itself is opened read-only as a second line.
 */
export type ReadableDb = Database.Database & { readonly [readableBrand]: true };
/** The one connection that writes. It can also read, inside its own transactions. */
export type WritableDb = ReadableDb & { readonly [writableBrand]: true };

export interface CatalogConnections {
  writer: WritableDb;
  reader: ReadableDb;
  close(): void;
}

/**
 * Every connection of the library is opened here. `nativeBinding` names better-sqlite3's build for Electron,
 * which embeds its own V8 (see electron-sqlite-binding.ts); Node (tests, the command line in plain Node) leaves
 * it unset and loads the build in node_modules. Whoever opens the library passes it down to every connection.
 */
export function openDatabase(
  file: string,
  options: Database.Options = {},
  nativeBinding?: string,
): Database.Database {
  return new Database(file, nativeBinding === undefined ? options : { ...options, nativeBinding });
}

/** Long enough to outlast another process's write transaction (an ingest commit, a migration). */
const busyTimeoutMs = 10_000;

export function openWriter(file: string, nativeBinding?: string): WritableDb {
  const db = openDatabase(file, {}, nativeBinding);
  try {
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    db.pragma('journal_mode = WAL');
    // FULL syncs the WAL at every commit: a committed image row survives a power cut, not only a crash.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
  } catch (error) {
    db.close();
    throw error;
  }
  return db as WritableDb;
}

/** Opens a read-only connection; the file must exist and be in WAL mode already (open the writer first). */
export function openReader(file: string, nativeBinding?: string): ReadableDb {
  const db = openDatabase(file, { readonly: true, fileMustExist: true }, nativeBinding);
  try {
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  } catch (error) {
    db.close();
    throw error;
  }
  return db as ReadableDb;
}
