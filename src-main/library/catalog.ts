import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openReader, openWriter, type CatalogConnections } from './database';
import { migrateWithBackup, type MigrationBackupOptions } from './migration-backup';

export interface CatalogOptions extends MigrationBackupOptions {
  /** better-sqlite3's build for this runtime, when it is not the one in node_modules (see database.ts). */
  nativeBinding?: string;
}

/**
 * Opens (creating if needed) a catalog file at the latest schema: the writer migrates first (after backing the
 * catalog up, see migration-backup.ts), then a separate read-only connection serves queries, so a long read
 * never holds the write lock and a query can never write.
 */
export async function openCatalog(
  file: string,
  { nativeBinding, ...migration }: CatalogOptions = {},
): Promise<CatalogConnections> {
  mkdirSync(path.dirname(file), { recursive: true });
  const writer = openWriter(file, nativeBinding);
  try {
    await migrateWithBackup(writer, file, migration);
    const reader = openReader(file, nativeBinding);
    return {
      writer,
      reader,
      close() {
        reader.close();
        // Lets SQLite refresh planner statistics it found stale during this session; cheap when nothing changed.
        writer.pragma('optimize');
        writer.close();
      },
    };
  } catch (error) {
    if (writer.open) writer.close();
    throw error;
  }
}
