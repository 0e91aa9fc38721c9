import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openReader, openWriter, type CatalogConnections } from './database';
import { migrate } from './migrations';

/**
 * Opens (creating if needed) a catalog file at the latest schema: the writer migrates first, then a separate
 * read-only connection serves queries, so a long read never holds the write lock and a query can never write.
 */
export function openCatalog(file: string): CatalogConnections {
  mkdirSync(path.dirname(file), { recursive: true });
  const writer = openWriter(file);
  try {
    migrate(writer);
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
    writer.close();
    throw error;
  }
}
