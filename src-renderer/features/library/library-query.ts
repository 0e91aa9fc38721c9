import type { LibraryFilter, ListInput } from '../../../src-preload/contract/library-types';
import { nextLocalMidnight } from './days';

export const sortOrders = ['newest', 'oldest'] as const;
export type SortOrder = (typeof sortOrders)[number];
export const sizeBuckets = ['any', 'small', 'medium', 'large'] as const;
export type SizeBucket = (typeof sizeBuckets)[number];

/** Pixel bounds of the size filter: under 1 MP, 1 to 4 MP, over 4 MP (Seedream's 2K and 4K outputs). */
const megapixel = 1_000_000;
const sizeBounds: Record<SizeBucket, Pick<LibraryFilter, 'minPixels' | 'maxPixels'>> = {
  any: {},
  small: { maxPixels: megapixel - 1 },
  medium: { minPixels: megapixel, maxPixels: 4 * megapixel },
  large: { minPixels: 4 * megapixel + 1 },
};

/** What the controls hold; dates stay as the `YYYY-MM-DD` strings of `<input type="date">` until a request. */
export interface LibraryFilters {
  model: string | null;
  from: string;
  to: string;
  favorite: boolean;
  collectionId: number | null;
  tagId: number | null;
  hasReferences: boolean;
  size: SizeBucket;
  trashed: boolean;
}

export interface LibraryQuery {
  text: string;
  filters: LibraryFilters;
  sort: SortOrder;
}

export const emptyFilters: LibraryFilters = {
  model: null,
  from: '',
  to: '',
  favorite: false,
  collectionId: null,
  tagId: null,
  hasReferences: false,
  size: 'any',
  trashed: false,
};

export const initialQuery: LibraryQuery = { text: '', filters: emptyFilters, sort: 'newest' };

/** Local midnight of a `YYYY-MM-DD` day, or undefined for an empty or malformed value. */
export function localDayStart(day: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const [, year, month, date] = match.map(Number);
  if (year === undefined || month === undefined || date === undefined) return undefined;
  const time = new Date(year, month - 1, date).getTime();
  return Number.isNaN(time) ? undefined : time;
}

/** The `to` bound is exclusive in the catalog, so the chosen day is included by asking for the next midnight. */
function localDayEnd(day: string): number | undefined {
  const start = localDayStart(day);
  return start === undefined ? undefined : nextLocalMidnight(start);
}

function toLibraryFilter(filters: LibraryFilters): LibraryFilter {
  const filter: LibraryFilter = { ...sizeBounds[filters.size] };
  if (filters.model !== null) filter.model = filters.model;
  const from = localDayStart(filters.from);
  if (from !== undefined) filter.from = from;
  const to = localDayEnd(filters.to);
  if (to !== undefined) filter.to = to;
  if (filters.favorite) filter.favorite = true;
  if (filters.collectionId !== null) filter.collectionId = filters.collectionId;
  if (filters.tagId !== null) filter.tagId = filters.tagId;
  if (filters.hasReferences) filter.hasReferences = true;
  if (filters.trashed) filter.trashed = true;
  return filter;
}

export function toListInput(query: LibraryQuery, cursor: string | null, limit: number): ListInput {
  const text = query.text.trim();
  return {
    ...(text === '' ? {} : { query: text }),
    filter: toLibraryFilter(query.filters),
    sort: query.sort,
    cursor,
    limit,
  };
}

/** How many narrowing filters are on (the trash and collection views are places, not filters). */
export function activeFilterCount(filters: LibraryFilters): number {
  return [
    filters.model !== null,
    filters.from !== '' || filters.to !== '',
    filters.favorite,
    filters.tagId !== null,
    filters.hasReferences,
    filters.size !== 'any',
  ].filter(Boolean).length;
}

export function clearNarrowingFilters(filters: LibraryFilters): LibraryFilters {
  return { ...emptyFilters, collectionId: filters.collectionId, trashed: filters.trashed };
}
