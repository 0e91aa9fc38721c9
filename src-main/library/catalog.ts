import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openReader, openWriter, type CatalogConnections } from './database';
import { migrateWithBackup, type MigrationBackupOptions } from './migration-backup';

/**
 * Opens (creating if needed) a catalog file at the latest schema: the writer migrates first (after backing the
 * catalog up, see migration-backup.ts), then a separate read-only connection serves queries, so a long read
 * never holds the write lock and a query can never write.
 */
export async function openCatalog(
  file: string,
  options: MigrationBackupOptions = {},
): Promise<CatalogConnections> {
  mkdirSync(path.dirname(file), { recursive: true });
  const writer = openWriter(file);
  try {
    await migrateWithBackup(writer, file, options);
    const reader = openReader(file);
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
