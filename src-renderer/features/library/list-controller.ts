import type { AppError, Result } from '../../../src-preload/contract/errors';
import type { EventPayload } from '../../../src-preload/contract/ipc';
import type { LibraryImage, ListInput, ListPage } from '../../../src-preload/contract/library-types';
import type { Timers } from '../../app/services';
import { toListInput, type LibraryQuery } from './library-query';

export type ChangeReason = EventPayload<'library:changed'>['reason'];

/** Before the grid has measured itself, a first page this big stands in for a screenful. */
export const firstPageSize = 150;
/**
 * Later pages: big enough to keep up with a fast scroll, small enough that decoding and rendering one never holds
 * the main thread for long (a page of 1000 took over 40 ms of CPU in the Chromium driver).
 */
const pageSize = 250;
const maxPageSize = 500;
/**
 * Typing fires a search only after this pause, and a newer keystroke discards the older response. Short: a page
 * and its total cost main 2-4 ms at a million images, so the pause only folds bursts (an input method's commit,
 * a held key), and most of the 100 ms a keystroke may take to reach the grid is left for the answer.
 */
export const searchDebounceMs = 25;
/** Bursts of change events (one per saved image while a batch downloads) become one refresh. */
export const refreshDelayMs = 150;

/** How many images the current query matches, as far as is known. */
export interface ListTotal {
  count: number;
  /** Only "at least `count`": main stopped counting, and more pages follow. */
  atLeast: boolean;
}

/** The total a page tells, made exact once the list has reached its end. */
function totalAfter(
  page: Pick<ListPage, 'total' | 'totalIsLowerBound'>,
  more: boolean,
  loaded: number,
): ListTotal {
  if (!page.totalIsLowerBound) return { count: page.total, atLeast: false };
  return more ? { count: page.total, atLeast: true } : { count: loaded, atLeast: false };
}

/** The store's side of the list: what it shows now, and every change the controller makes to it. */
export interface ListView {
  query(): LibraryQuery;
  items(): readonly LibraryImage[];
  /** How many cells fill the grid's viewport: a new query's first page asks for no more. */
  screenSlots(): number;
  /** A new query was sent. */
  loading(): void;
  /** A new query's first page: the list starts over. */
  started(items: LibraryImage[], total: ListTotal): void;
  /** The loaded prefix read again after a change in main: the same query, fresher contents. */
  refreshed(items: LibraryImage[], total: ListTotal): void;
  appended(items: LibraryImage[], total: ListTotal): void;
  /** Images new since the list was read, before everything loaded (a newest-first list only). */
  prepended(items: LibraryImage[], total: ListTotal): void;
  /** A request failed; `query` when it was a new query's first page. */
  failed(error: AppError, during: 'query' | 'more' | 'refresh'): void;
  /** A full refresh ended (well or not): what is shown beside the list may be stale too. */
  refreshEnded(): void;
  /** A burst of changes is being caught up with. */
  catchingUp(): void;
}

export interface ListControllerDeps {
  list: (input: ListInput) => Promise<Result<ListPage>>;
  timers: Timers;
  view: ListView;
}

/**
 * The infinite list's bookkeeping, kept out of the store so it can be driven step by step: which query is
 * current (an answer to an older one is dropped), the cursor of the next page, the one page request in
 * flight, the search debounce, and catching up with main's change events.
 */
export interface ListController {
  /** The query changed: typing waits for a pause (`debounce`), a filter or sort asks at once. */
  queryChanged(debounce: boolean): void;
  /** Reads the first page of the current query, replacing the list. */
  reload(): Promise<void>;
  /** Fetches pages until at least `count` images are loaded or the list ends. */
  loadUntil(count: number): Promise<void>;
  /** The store edited the loaded list itself (a trashed image left it): pages in flight no longer fit. */
  listEdited(): void;
  /**
   * Main reported a change: new images only add to the head of a newest-first list, anything else re-reads
   * what is loaded. Without a reason it is the full re-read.
   */
  changed(reason?: ChangeReason): void;
  /** While the view is hidden changes are only noted; showing it again catches up once. */
  setVisible(visible: boolean): void;
}

export function createListController({ list, timers, view }: ListControllerDeps): ListController {
  /** Identifies the current query; a response carrying an older number is stale and dropped. */
  let querySeq = 0;
  /** Identifies the current contents of the list; appending to an older version would mix lists. */
  let listVersion = 0;
  let nextCursor: string | null = null;
  let loadingMore = false;
  let cancelSearch: (() => void) | null = null;
  let refreshPending = false;
  let refreshing = false;
  let refreshAgain = false;
  /** Whether the changes waiting for the refresh timer need more than new images added at the head. */
  let fullRefreshDue = false;
  let visible = false;
  /** Changes reported while the view was hidden: none, only new images, or anything. */
  let missed: 'none' | 'head' | 'full' = 'none';

  /** Lets the renderer paint between receiving a page and rendering it, so neither holds the thread long. */
  const yieldToRenderer = () =>
    new Promise<void>((resolve) => {
      timers.after(0, resolve);
    });

  const reload = async () => {
    const seq = ++querySeq;
    const query = view.query();
    view.loading();
    // Only what fills the screen, so a search answers as fast as it can; the grid asks for the rest as needed.
    const limit = Math.min(maxPageSize, Math.max(24, view.screenSlots()));
    const page = await list(toListInput(query, null, limit));
    if (seq !== querySeq) return;
    if (!page.ok) {
      view.failed(page.error, 'query');
      return;
    }
    listVersion += 1;
    nextCursor = page.value.nextCursor;
    view.started(page.value.items, totalAfter(page.value, nextCursor !== null, page.value.items.length));
  };

  /** Reads up to `count` images of the current query from the start, for a refresh that replaces everything. */
  const readPrefix = async (query: LibraryQuery, count: number) => {
    const items: LibraryImage[] = [];
    let cursor: string | null = null;
    let total: ListTotal = { count: 0, atLeast: false };
    do {
      const limit = Math.min(maxPageSize, Math.max(firstPageSize, count - items.length));
      const page = await list(toListInput(query, cursor, limit));
      if (!page.ok) return page;
      items.push(...page.value.items);
      cursor = page.value.nextCursor;
      total = totalAfter(page.value, cursor !== null, items.length);
    } while (cursor !== null && items.length < count);
    return { ok: true as const, value: { items, total, cursor } };
  };

  const runRefresh = async () => {
    if (refreshing) {
      refreshAgain = true;
      return;
    }
    refreshing = true;
    refreshAgain = false;
    // Events that arrive during a refresh ask for one more pass once it ends, not for one pass each.
    const takeAgain = () => {
      const again = refreshAgain;
      refreshAgain = false;
      return again;
    };
    do {
      const seq = querySeq;
      const read = await readPrefix(view.query(), Math.max(firstPageSize, view.items().length));
      if (seq !== querySeq) continue;
      if (!read.ok) {
        view.failed(read.error, 'refresh');
        break;
      }
      listVersion += 1;
      nextCursor = read.value.cursor;
      view.refreshed(read.value.items, read.value.total);
    } while (takeAgain());
    refreshing = false;
    view.refreshEnded();
  };

  /**
   * New images of a newest-first list come before everything loaded: they are the first page's items up to the
   * first one already loaded. When none of the page is loaded yet, more arrived than a page holds and the whole
   * list is read again.
   */
  const runHeadRefresh = async () => {
    const seq = querySeq;
    const page = await list(toListInput(view.query(), null, firstPageSize));
    if (seq !== querySeq) return;
    if (!page.ok) {
      view.failed(page.error, 'refresh');
      return;
    }
    const { items, nextCursor: more } = page.value;
    const total = totalAfter(page.value, true, view.items().length + items.length);
    const loaded = new Set(
      view
        .items()
        .slice(0, items.length + firstPageSize)
        .map((image) => image.id),
    );
    const seam = items.findIndex((image) => loaded.has(image.id));
    if (seam === -1 && loaded.size > 0 && more !== null) {
      await runRefresh();
      return;
    }
    view.prepended(items.slice(0, seam === -1 ? items.length : seam), total);
  };

  const changed = (reason?: ChangeReason) => {
    const headOnly = reason === 'ingested' || reason === 'imported';
    if (!visible) {
      missed = headOnly && missed !== 'full' ? 'head' : 'full';
      return;
    }
    if (!headOnly) fullRefreshDue = true;
    if (refreshPending) return;
    refreshPending = true;
    timers.after(refreshDelayMs, () => {
      refreshPending = false;
      const full = fullRefreshDue || view.query().sort !== 'newest';
      fullRefreshDue = false;
      void (full ? runRefresh() : runHeadRefresh());
      view.catchingUp();
    });
  };

  return {
    queryChanged: (debounce) => {
      cancelSearch?.();
      cancelSearch = null;
      if (!debounce) {
        void reload();
        return;
      }
      // Marks the pending search now, so a response to the previous text that lands meanwhile is dropped.
      querySeq += 1;
      cancelSearch = timers.after(searchDebounceMs, () => {
        cancelSearch = null;
        void reload();
      });
    },

    reload,

    loadUntil: async (count) => {
      if (loadingMore) return;
      loadingMore = true;
      const version = listVersion;
      const seq = querySeq;
      const current = () => version === listVersion && seq === querySeq;
      while (view.items().length < count && nextCursor !== null && current()) {
        const wanted = count - view.items().length;
        const limit = Math.min(maxPageSize, Math.max(pageSize, wanted));
        const page = await list(toListInput(view.query(), nextCursor, limit));
        await yieldToRenderer();
        if (!current()) break;
        if (!page.ok) {
          view.failed(page.error, 'more');
          break;
        }
        nextCursor = page.value.nextCursor;
        const loaded = view.items().length + page.value.items.length;
        view.appended(page.value.items, totalAfter(page.value, nextCursor !== null, loaded));
      }
      loadingMore = false;
      // A refresh or a new query may have replaced the list while this ran; the grid asks again if it still needs.
    },

    listEdited: () => {
      listVersion += 1;
    },

    changed,

    setVisible: (shown) => {
      visible = shown;
      if (!shown || missed === 'none') return;
      const reason = missed === 'head' ? 'ingested' : undefined;
      missed = 'none';
      changed(reason);
    },
  };
}
