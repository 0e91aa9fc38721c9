import type { EventPayload } from '../../src-preload/contract/ipc';
import type { Emit } from '../ipc/emit';
import type { ImageCount, ImageFilter, ImageQuery } from '../library/image-queries';

export type ChangeReason = EventPayload<'library:changed'>['reason'];

/**
 * Matches counted exactly before a total becomes "at least": counting them costs about what reading a page does
 * (at a million images, 10 000 took 10 to 20 ms of CPU for a common word or a 5% filter, past the 5 ms target).
 */
export const listCountLimit = 1_000;

/** What the renderer is told about the library as a whole: that it changed, and how many images a query has. */
export interface LibraryChanges {
  /** Tells the renderer the library changed, and forgets every total counted before. */
  announce(reason: ChangeReason): void;
  /** The query's total: counted for its first page, reused for its later pages until the library changes. */
  total(query: string | undefined, filter: ImageFilter, firstPage: boolean): ImageCount;
}

/**
 * A query's total is counted once, when its first page is asked for, and reused for its later pages until the
 * library changes. Beyond `listCountLimit` matches it is only "at least": counting every match of a common word in
 * a million images takes longer than showing them, and the list goes on past the limit anyway. (The whole
 * library's and the trash's totals are kept by the catalog itself and cost nothing; see migration 0070.)
 */
export function createLibraryChanges(
  emit: Emit,
  countUpTo: (query: Pick<ImageQuery, 'query' | 'filter'>, limit: number) => ImageCount,
): LibraryChanges {
  const totals = new Map<string, ImageCount>();
  return {
    announce(reason) {
      totals.clear();
      emit('library:changed', { reason });
    },
    total(query, filter, firstPage) {
      const key = JSON.stringify([query ?? '', filter]);
      const known = totals.get(key);
      if (known !== undefined && !firstPage) return known;
      const total = countUpTo({ query, filter }, listCountLimit);
      totals.set(key, total);
      return total;
    },
  };
}
