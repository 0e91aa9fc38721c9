import type { Result } from '../../../src-preload/contract/errors';
import type {
  ImageDetail,
  LibraryImage,
  LibraryStats,
  ListInput,
  ListPage,
} from '../../../src-preload/contract/library-types';
import { failed, ok, type FakeHandlers } from './fake-api';
import { image } from './images';

/** Images `1..count`, newest (highest id) first, as main lists them. */
export function newestFirst(count: number, prompt = (id: number) => `prompt ${id}`): LibraryImage[] {
  return Array.from({ length: count }, (_, index) => count - index).map((id) =>
    image(id, { prompt: prompt(id) }),
  );
}

/**
 * Answers `library:list` from an in-memory list the way the catalog does: the search text narrows prompts,
 * pages follow an opaque cursor, and `total` counts every match (or, past `countCap`, says "at least").
 */
export function pagedList(images: () => readonly LibraryImage[], countCap = Infinity) {
  return (input: ListInput): Result<ListPage> => {
    const text = input.query ?? '';
    const matches = images().filter((candidate) => candidate.prompt.includes(text));
    const start = input.cursor ? Number(input.cursor) : 0;
    const end = start + (input.limit ?? 200);
    return {
      ok: true,
      value: {
        items: matches.slice(start, end),
        nextCursor: end < matches.length ? String(end) : null,
        total: Math.min(matches.length, countCap),
        totalIsLowerBound: matches.length > countCap,
      },
    };
  };
}

export const emptyStats: LibraryStats = {
  images: 0,
  bytes: 0,
  trashedImages: 0,
  trashedBytes: 0,
  generations: 0,
  failedGenerations: 0,
  usage: { generatedImages: 0, outputTokens: 0, totalTokens: 0 },
  damagedImages: 0,
  pendingDownloads: 0,
};

export function detailOf(item: LibraryImage): ImageDetail {
  return { image: item, generation: null, references: [], derived: [], tags: [], collections: [] };
}

/**
 * What main answers for a library of `images` when it is browsed: pages, details, and the sidebar's
 * collections, tags, models and statistics (empty unless a test answers them itself).
 */
export function browsing(images: () => readonly LibraryImage[]): FakeHandlers {
  return {
    'library:list': pagedList(images),
    'library:detail': ({ id }) => {
      const found = images().find((candidate) => candidate.id === id);
      return found ? ok(detailOf(found)) : failed(`No image ${id}.`, 'not-found');
    },
    'collections:list': () => ok([]),
    'tags:list': () => ok([]),
    'library:models': () => ok([]),
    'library:stats': () => ok(emptyStats),
  };
}
