import type { EventPayload } from '../../src-preload/contract/ipc';
import type { Emit } from '../ipc/emit';
import type { ImageFilter, ImageQuery } from '../library/image-queries';

export type ChangeReason = EventPayload<'library:changed'>['reason'];

/** What the renderer is told about the library as a whole: that it changed, and how many images a query has. */
export interface LibraryChanges {
  /** Tells the renderer the library changed, and forgets every total counted before. */
  announce(reason: ChangeReason): void;
  /** The query's total: counted for its first page, reused for its later pages until the library changes. */
  total(query: string | undefined, filter: ImageFilter, firstPage: boolean): number;
}

/**
 * Counting every match of a broad query takes tens of milliseconds at 100 000 images, so a query's total is
 * counted once, when its first page is asked for, and reused for its later pages until the library changes.
 */
export function createLibraryChanges(
  emit: Emit,
  count: (query: Pick<ImageQuery, 'query' | 'filter'>) => number,
): LibraryChanges {
  const totals = new Map<string, number>();
  return {
    announce(reason) {
      totals.clear();
      emit('library:changed', { reason });
    },
    total(query, filter, firstPage) {
      const key = JSON.stringify([query ?? '', filter]);
      const known = totals.get(key);
      if (known !== undefined && !firstPage) return known;
      const total = count({ query, filter });
      totals.set(key, total);
      return total;
    },
  };
}
