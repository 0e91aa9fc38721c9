import type { StateCreator } from 'zustand';
import type { AppError } from '../../../src-preload/contract/errors';
import type { EventPayload, ImportedFile } from '../../../src-preload/contract/ipc';
import type {
  Collection,
  ImageDetail,
  LibraryImage,
  LibraryStats,
  ListPage,
  Tag,
} from '../../../src-preload/contract/library-types';
import type { AppState } from '../../app/store';
import { api, errorOf, unwrap } from '../../bridge';
import type { Grouping } from './arrangement';
import { clampThumbSize } from './grid-model';
import {
  initialQuery,
  toListInput,
  type LibraryFilters,
  type LibraryQuery,
  type SortOrder,
} from './library-query';
import { importBatches, type ReadImages } from './read-files';
import { emptySelection, keepSelected, selectIds, type Selection } from './selection';
import { readViewPreferences, writeViewPreferences } from './view-preferences';

export type ChangeReason = EventPayload<'library:changed'>['reason'];

/** What a toast says, as a translation key of the `library` namespace and its values. */
export type ToastMessage =
  | { key: 'toast.trashed'; count: number }
  | { key: 'toast.restored'; count: number }
  | { key: 'toast.trashEmptied'; count: number }
  | { key: 'toast.trashEmptiedKept'; count: number; kept: number }
  | { key: 'toast.exported'; count: number; folder: string }
  | { key: 'toast.exportedSkipped'; count: number; folder: string; skipped: number }
  | { key: 'toast.copiedPrompt' }
  | { key: 'toast.copiedImage' }
  | { key: 'toast.favorited'; count: number }
  | { key: 'toast.unfavorited'; count: number }
  | { key: 'toast.tagged'; count: number; name: string }
  | { key: 'toast.addedToCollection'; count: number; name: string }
  | { key: 'toast.removedFromCollection'; count: number; name: string }
  | { key: 'toast.imported'; count: number }
  | { key: 'toast.importedDuplicates'; count: number; duplicates: number }
  | { key: 'toast.importFailed'; count: number; name: string; message: string }
  | { key: 'toast.checked'; count: number }
  | { key: 'toast.failed'; message: string };

export interface Toast {
  id: number;
  message: ToastMessage;
  /** Images a toast's Undo button gives back from the trash. */
  undoTrash: number[] | null;
}

export interface LibrarySlice {
  libraryQuery: LibraryQuery;
  /** Bumped whenever the result set is replaced by a new query, so the grid can go back to the top. */
  libraryQueryVersion: number;
  /** The loaded prefix of the result list, in list order. */
  libraryItems: LibraryImage[];
  libraryTotal: number | null;
  libraryLoading: boolean;
  libraryError: AppError | null;
  libraryGrouping: Grouping;
  libraryThumbSize: number;
  libraryOpenStacks: ReadonlySet<number>;
  librarySelection: Selection;
  /** Entry index of the keyboard focus in the grid. */
  libraryFocus: number;
  /** How many cells fill the grid's viewport: the first page of a new search asks for no more. */
  libraryScreenSlots: number;
  /** The entry at the top of the grid, so coming back to the view returns to the same place. */
  libraryTopEntry: number;
  libraryDetailId: number | null;
  libraryDetail: ImageDetail | null;
  libraryDetailError: AppError | null;
  libraryCollections: Collection[];
  libraryTags: Tag[];
  libraryModels: string[];
  libraryStats: LibraryStats | null;
  libraryToasts: Toast[];

  setLibraryText: (text: string) => void;
  setLibraryFilters: (patch: Partial<LibraryFilters>) => void;
  setLibrarySort: (sort: SortOrder) => void;
  reloadLibrary: () => Promise<void>;
  /** Fetches pages until at least `count` images are loaded or the list ends. */
  loadLibraryUntil: (count: number) => Promise<void>;
  /**
   * Catches up after main reports a change: new images only add to the head of a newest-first list, anything
   * else re-reads what is loaded and replaces it in one step. Without a reason it is the full re-read.
   */
  refreshLibrary: (reason?: ChangeReason) => void;
  /**
   * Follows main's change events for the rest of the session (once, however often called): while the view is
   * hidden they are only noted, and showing it again catches up once.
   */
  watchLibraryChanges: () => void;
  setLibraryVisible: (visible: boolean) => void;
  loadLibraryMeta: () => Promise<void>;
  setLibraryGrouping: (grouping: Grouping) => void;
  setLibraryThumbSize: (size: number) => void;
  toggleLibraryStack: (generationId: number) => void;
  setLibrarySelection: (selection: Selection) => void;
  selectAllLibrary: () => Promise<void>;
  setLibraryFocus: (entry: number) => void;
  setLibraryTopEntry: (entry: number) => void;
  setLibraryScreenSlots: (slots: number) => void;
  openLibraryDetail: (id: number) => void;
  /** Opens the library at an image (called by other views before they navigate here): its details show. */
  showInLibrary: (id: number) => void;
  closeLibraryDetail: () => void;
  setLibraryFavorite: (ids: number[], favorite: boolean) => Promise<void>;
  trashLibraryImages: (ids: number[]) => Promise<void>;
  restoreLibraryImages: (ids: number[]) => Promise<void>;
  emptyLibraryTrash: () => Promise<void>;
  tagLibraryImages: (ids: number[], name: string) => Promise<boolean>;
  untagLibraryImages: (ids: number[], tag: Tag) => Promise<void>;
  addToLibraryCollection: (ids: number[], collection: Collection) => Promise<void>;
  removeFromLibraryCollection: (ids: number[], collection: Collection) => Promise<void>;
  createLibraryCollection: (name: string) => Promise<Collection | null>;
  renameLibraryCollection: (id: number, name: string) => Promise<boolean>;
  deleteLibraryCollection: (id: number) => Promise<boolean>;
  exportLibraryImages: (ids: number[]) => Promise<void>;
  importLibraryFiles: (read: ReadImages) => Promise<void>;
  checkLibrary: () => Promise<void>;
  copyLibraryPrompt: (prompt: string) => Promise<void>;
  copyLibraryImage: (id: number) => Promise<void>;
  revealLibraryImage: (id: number) => Promise<void>;
  /** Loads a generation's request and references into Generate and goes there; works offline. */
  remixLibraryGeneration: (generationId: number) => Promise<void>;
  /** Puts images into Generate's reference tray and goes there. */
  referenceLibraryImages: (images: LibraryImage[]) => void;
  pushLibraryToast: (message: ToastMessage, undoTrash?: number[]) => void;
  dismissLibraryToast: (id: number) => void;
}

/** Before the grid has measured itself, a first page this big stands in for a screenful. */
export const firstPageSize = 150;
/**
 * Later pages: big enough to keep up with a fast scroll, small enough that decoding and rendering one never holds
 * the main thread for long (a page of 1000 took over 40 ms of CPU in the Chromium driver).
 */
const pageSize = 250;
const maxPageSize = 500;
/** Typing fires a search only after this pause, and a newer keystroke discards the older response. */
const searchDebounceMs = 40;
/** Bursts of change events (one per saved image while a batch downloads) become one refresh. */
const refreshDelayMs = 150;
const toastLifetimeMs = 8000;
/** The import channel takes at most this many files per call. */
const importBatch = 500;

export const createLibrarySlice: StateCreator<AppState, [], [], LibrarySlice> = (set, get) => {
  /** Identifies the current query; a response carrying an older number is stale and dropped. */
  let querySeq = 0;
  /** Identifies the current contents of `libraryItems`; appending to an older version would mix lists. */
  let listVersion = 0;
  let loadingMore = false;
  let searchTimer: ReturnType<typeof setTimeout> | null = null;
  let refreshTimer: ReturnType<typeof setTimeout> | null = null;
  let refreshing = false;
  let refreshAgain = false;
  /** Whether the changes waiting for the refresh timer need more than new images added at the head. */
  let fullRefreshDue = false;
  let watching = false;
  let visible = false;
  /** Changes reported while the view was hidden: none, only new images, or anything. */
  let missed: 'none' | 'head' | 'full' = 'none';
  let detailSeq = 0;
  let toastSeq = 0;
  const preferences = readViewPreferences();

  const fail = (thrown: unknown) => {
    get().pushLibraryToast({ key: 'toast.failed', message: errorOf(thrown).message });
  };

  const patchItems = (ids: readonly number[], patch: (image: LibraryImage) => LibraryImage | null) => {
    const targets = new Set(ids);
    const { libraryItems, libraryTotal } = get();
    let removed = 0;
    const items: LibraryImage[] = [];
    for (const image of libraryItems) {
      if (!targets.has(image.id)) {
        items.push(image);
        continue;
      }
      const next = patch(image);
      if (next) items.push(next);
      else removed += 1;
    }
    listVersion += 1;
    set({
      libraryItems: items,
      libraryTotal: libraryTotal === null ? null : Math.max(0, libraryTotal - removed),
    });
  };

  const loadDetail = async (id: number) => {
    const seq = ++detailSeq;
    try {
      const detail = await unwrap(api.library.detail({ id }));
      if (seq === detailSeq) set({ libraryDetail: detail, libraryDetailError: null });
    } catch (thrown) {
      if (seq === detailSeq) set({ libraryDetail: null, libraryDetailError: errorOf(thrown) });
    }
  };

  /** Reads up to `count` images of the current query from the start, for a refresh that replaces everything. */
  const readPrefix = async (query: LibraryQuery, count: number) => {
    const items: LibraryImage[] = [];
    let cursor: string | null = null;
    let total = 0;
    do {
      const limit = Math.min(maxPageSize, Math.max(firstPageSize, count - items.length));
      const page: ListPage = await unwrap(api.library.list(toListInput(query, cursor, limit)));
      items.push(...page.items);
      total = page.total;
      cursor = page.nextCursor;
    } while (cursor !== null && items.length < count);
    return { items, total, cursor };
  };

  let nextCursor: string | null = null;

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
    try {
      do {
        const seq = querySeq;
        const query = get().libraryQuery;
        const result = await readPrefix(query, Math.max(firstPageSize, get().libraryItems.length));
        if (seq !== querySeq) continue;
        listVersion += 1;
        nextCursor = result.cursor;
        const present = new Set(result.items.map((image) => image.id));
        set({
          libraryItems: result.items,
          libraryTotal: result.total,
          libraryError: null,
          librarySelection: keepSelected(get().librarySelection, present),
        });
      } while (takeAgain());
    } catch (thrown) {
      set({ libraryError: errorOf(thrown) });
    } finally {
      refreshing = false;
    }
    const detailId = get().libraryDetailId;
    if (detailId !== null) await loadDetail(detailId);
  };

  /**
   * New images of a newest-first list come before everything loaded: they are the first page's items up to the
   * first one already loaded. When none of the page is loaded yet, more arrived than a page holds and the whole
   * list is read again.
   */
  const runHeadRefresh = async () => {
    const seq = querySeq;
    try {
      const page = await unwrap(api.library.list(toListInput(get().libraryQuery, null, firstPageSize)));
      if (seq !== querySeq) return;
      const loaded = new Set(
        get()
          .libraryItems.slice(0, page.items.length + firstPageSize)
          .map((image) => image.id),
      );
      const seam = page.items.findIndex((image) => loaded.has(image.id));
      if (seam === -1 && loaded.size > 0 && page.nextCursor !== null) {
        await runRefresh();
        return;
      }
      const fresh = page.items.slice(0, seam === -1 ? page.items.length : seam);
      set((state) => ({
        libraryItems: fresh.length === 0 ? state.libraryItems : [...fresh, ...state.libraryItems],
        libraryTotal: page.total,
        // The focus and the Shift anchor stay on the same images.
        libraryFocus: state.libraryItems.length === 0 ? 0 : state.libraryFocus + fresh.length,
        librarySelection:
          state.librarySelection.anchor === null
            ? state.librarySelection
            : { ...state.librarySelection, anchor: state.librarySelection.anchor + fresh.length },
      }));
    } catch (thrown) {
      set({ libraryError: errorOf(thrown) });
    }
  };

  const savePreferences = () => {
    const { libraryGrouping, libraryThumbSize } = get();
    writeViewPreferences({ grouping: libraryGrouping, thumbSize: libraryThumbSize });
  };

  const requery = (query: LibraryQuery, debounce: boolean) => {
    set({ libraryQuery: query });
    if (searchTimer !== null) clearTimeout(searchTimer);
    searchTimer = null;
    if (!debounce) {
      void get().reloadLibrary();
      return;
    }
    // Marks the pending search now, so a response to the previous text that lands meanwhile is dropped.
    querySeq += 1;
    searchTimer = setTimeout(() => {
      searchTimer = null;
      void get().reloadLibrary();
    }, searchDebounceMs);
  };

  return {
    libraryQuery: initialQuery,
    libraryQueryVersion: 0,
    libraryItems: [],
    libraryTotal: null,
    libraryLoading: false,
    libraryError: null,
    libraryGrouping: preferences.grouping,
    libraryThumbSize: preferences.thumbSize,
    libraryOpenStacks: new Set(),
    librarySelection: emptySelection,
    libraryFocus: 0,
    libraryTopEntry: 0,
    libraryScreenSlots: firstPageSize,
    libraryDetailId: null,
    libraryDetail: null,
    libraryDetailError: null,
    libraryCollections: [],
    libraryTags: [],
    libraryModels: [],
    libraryStats: null,
    libraryToasts: [],

    setLibraryText: (text) => {
      requery({ ...get().libraryQuery, text }, true);
    },
    setLibraryFilters: (patch) => {
      const query = get().libraryQuery;
      requery({ ...query, filters: { ...query.filters, ...patch } }, false);
    },
    setLibrarySort: (sort) => {
      requery({ ...get().libraryQuery, sort }, false);
    },

    reloadLibrary: async () => {
      const seq = ++querySeq;
      const query = get().libraryQuery;
      set({ libraryLoading: true, libraryError: null });
      try {
        // Only what fills the screen, so a search answers as fast as it can; the grid asks for the rest as needed.
        const limit = Math.min(maxPageSize, Math.max(24, get().libraryScreenSlots));
        const page = await unwrap(api.library.list(toListInput(query, null, limit)));
        if (seq !== querySeq) return;
        listVersion += 1;
        nextCursor = page.nextCursor;
        set((state) => ({
          libraryItems: page.items,
          libraryTotal: page.total,
          libraryLoading: false,
          libraryQueryVersion: state.libraryQueryVersion + 1,
          librarySelection: emptySelection,
          libraryFocus: 0,
          libraryTopEntry: 0,
        }));
      } catch (thrown) {
        if (seq === querySeq) set({ libraryLoading: false, libraryError: errorOf(thrown) });
      }
    },

    loadLibraryUntil: async (count) => {
      if (loadingMore) return;
      loadingMore = true;
      const version = listVersion;
      const seq = querySeq;
      try {
        while (
          get().libraryItems.length < count &&
          nextCursor !== null &&
          version === listVersion &&
          seq === querySeq
        ) {
          const wanted = count - get().libraryItems.length;
          const limit = Math.min(maxPageSize, Math.max(pageSize, wanted));
          const page = await unwrap(api.library.list(toListInput(get().libraryQuery, nextCursor, limit)));
          // Receiving a page and rendering it become two tasks, so neither holds the main thread long while
          // the user scrolls.
          await new Promise((resolve) => setTimeout(resolve, 0));
          if (version !== listVersion || seq !== querySeq) break;
          nextCursor = page.nextCursor;
          set((state) => ({
            libraryItems: state.libraryItems.concat(page.items),
            libraryTotal: page.total,
          }));
        }
      } catch (thrown) {
        set({ libraryError: errorOf(thrown) });
      } finally {
        loadingMore = false;
      }
      // A refresh or a new query may have replaced the list while this ran; the grid asks again if it still needs.
    },

    refreshLibrary: (reason) => {
      const headOnly = reason === 'ingested' || reason === 'imported';
      if (!visible) {
        missed = headOnly && missed !== 'full' ? 'head' : 'full';
        return;
      }
      if (!headOnly) fullRefreshDue = true;
      if (refreshTimer !== null) return;
      refreshTimer = setTimeout(() => {
        refreshTimer = null;
        const full = fullRefreshDue || get().libraryQuery.sort !== 'newest';
        fullRefreshDue = false;
        void (full ? runRefresh() : runHeadRefresh());
        void get().loadLibraryMeta();
      }, refreshDelayMs);
    },

    watchLibraryChanges: () => {
      if (watching) return;
      watching = true;
      api.on('library:changed', ({ reason }) => {
        get().refreshLibrary(reason);
      });
    },

    setLibraryVisible: (shown) => {
      visible = shown;
      if (!shown || missed === 'none') return;
      const reason = missed === 'head' ? 'ingested' : undefined;
      missed = 'none';
      get().refreshLibrary(reason);
    },

    loadLibraryMeta: async () => {
      try {
        const [collections, tags, models, stats] = await Promise.all([
          unwrap(api.collections.list()),
          unwrap(api.tags.list()),
          unwrap(api.library.models()),
          unwrap(api.library.stats()),
        ]);
        set({
          libraryCollections: collections,
          libraryTags: tags,
          libraryModels: models,
          libraryStats: stats,
        });
      } catch (thrown) {
        fail(thrown);
      }
    },

    setLibraryGrouping: (grouping) => {
      set({ libraryGrouping: grouping, libraryFocus: 0, librarySelection: emptySelection });
      savePreferences();
    },
    setLibraryThumbSize: (size) => {
      set({ libraryThumbSize: clampThumbSize(size) });
      savePreferences();
    },
    toggleLibraryStack: (generationId) => {
      const open = new Set(get().libraryOpenStacks);
      if (open.has(generationId)) open.delete(generationId);
      else open.add(generationId);
      set({ libraryOpenStacks: open, librarySelection: { ...get().librarySelection, anchor: null } });
    },
    setLibrarySelection: (selection) => {
      set({ librarySelection: selection });
    },
    selectAllLibrary: async () => {
      const total = get().libraryTotal ?? 0;
      await get().loadLibraryUntil(total);
      set({ librarySelection: selectIds(get().libraryItems.map((image) => image.id)) });
    },
    setLibraryFocus: (entry) => {
      set({ libraryFocus: entry });
    },
    setLibraryTopEntry: (entry) => {
      set({ libraryTopEntry: entry });
    },
    setLibraryScreenSlots: (slots) => {
      set({ libraryScreenSlots: slots });
    },

    openLibraryDetail: (id) => {
      set({ libraryDetailId: id, libraryDetailError: null });
      void loadDetail(id);
    },
    showInLibrary: (id) => {
      get().openLibraryDetail(id);
    },
    closeLibraryDetail: () => {
      detailSeq += 1;
      set({ libraryDetailId: null, libraryDetail: null, libraryDetailError: null });
    },

    setLibraryFavorite: async (ids, favorite) => {
      const leavesView = !favorite && get().libraryQuery.filters.favorite;
      patchItems(ids, (image) => (leavesView ? null : { ...image, favorite }));
      const detail = get().libraryDetail;
      if (detail && ids.includes(detail.image.id)) {
        set({ libraryDetail: { ...detail, image: { ...detail.image, favorite } } });
      }
      try {
        await unwrap(api.library.setFavorite({ ids, favorite }));
        if (ids.length > 1) {
          get().pushLibraryToast({
            key: favorite ? 'toast.favorited' : 'toast.unfavorited',
            count: ids.length,
          });
        }
      } catch (thrown) {
        fail(thrown);
        get().refreshLibrary();
      }
    },

    trashLibraryImages: async (ids) => {
      if (ids.length === 0) return;
      patchItems(ids, () => null);
      const gone = new Set(ids);
      const { librarySelection, libraryDetailId } = get();
      const kept = [...librarySelection.ids].filter((id) => !gone.has(id));
      set({ librarySelection: { ids: new Set(kept), anchor: null } });
      if (libraryDetailId !== null && gone.has(libraryDetailId)) get().closeLibraryDetail();
      try {
        await unwrap(api.library.trash({ ids }));
        get().pushLibraryToast({ key: 'toast.trashed', count: ids.length }, ids);
      } catch (thrown) {
        fail(thrown);
        get().refreshLibrary();
      }
    },

    restoreLibraryImages: async (ids) => {
      if (ids.length === 0) return;
      if (get().libraryQuery.filters.trashed) patchItems(ids, () => null);
      try {
        await unwrap(api.library.restore({ ids }));
        get().pushLibraryToast({ key: 'toast.restored', count: ids.length });
      } catch (thrown) {
        fail(thrown);
      }
      get().refreshLibrary();
    },

    emptyLibraryTrash: async () => {
      try {
        const result = await unwrap(api.library.emptyTrash());
        get().pushLibraryToast(
          result.keptAsReferences > 0
            ? { key: 'toast.trashEmptiedKept', count: result.deleted, kept: result.keptAsReferences }
            : { key: 'toast.trashEmptied', count: result.deleted },
        );
      } catch (thrown) {
        fail(thrown);
      }
      get().refreshLibrary();
    },

    tagLibraryImages: async (ids, name) => {
      try {
        const tag = await unwrap(api.tags.add({ ids, name }));
        get().pushLibraryToast({ key: 'toast.tagged', count: ids.length, name: tag.name });
        get().refreshLibrary();
        return true;
      } catch (thrown) {
        fail(thrown);
        return false;
      }
    },

    untagLibraryImages: async (ids, tag) => {
      try {
        await unwrap(api.tags.remove({ ids, tagId: tag.id }));
      } catch (thrown) {
        fail(thrown);
      }
      get().refreshLibrary();
    },

    addToLibraryCollection: async (ids, collection) => {
      try {
        await unwrap(api.collections.add({ ids, collectionId: collection.id }));
        get().pushLibraryToast({ key: 'toast.addedToCollection', count: ids.length, name: collection.name });
      } catch (thrown) {
        fail(thrown);
      }
      get().refreshLibrary();
    },

    removeFromLibraryCollection: async (ids, collection) => {
      if (get().libraryQuery.filters.collectionId === collection.id) patchItems(ids, () => null);
      try {
        await unwrap(api.collections.remove({ ids, collectionId: collection.id }));
        get().pushLibraryToast({
          key: 'toast.removedFromCollection',
          count: ids.length,
          name: collection.name,
        });
      } catch (thrown) {
        fail(thrown);
      }
      get().refreshLibrary();
    },

    createLibraryCollection: async (name) => {
      try {
        const collection = await unwrap(api.collections.create({ name }));
        set((state) => ({ libraryCollections: [...state.libraryCollections, collection] }));
        return collection;
      } catch (thrown) {
        fail(thrown);
        return null;
      }
    },

    renameLibraryCollection: async (id, name) => {
      try {
        const renamed = await unwrap(api.collections.rename({ id, name }));
        set((state) => ({
          libraryCollections: state.libraryCollections.map((collection) =>
            collection.id === id ? renamed : collection,
          ),
        }));
        return true;
      } catch (thrown) {
        fail(thrown);
        return false;
      }
    },

    deleteLibraryCollection: async (id) => {
      try {
        await unwrap(api.collections.delete({ id }));
        set((state) => ({
          libraryCollections: state.libraryCollections.filter((collection) => collection.id !== id),
        }));
        if (get().libraryQuery.filters.collectionId === id) get().setLibraryFilters({ collectionId: null });
        return true;
      } catch (thrown) {
        fail(thrown);
        return false;
      }
    },

    exportLibraryImages: async (ids) => {
      if (ids.length === 0) return;
      try {
        const result = await unwrap(api.library.export({ ids }));
        if (result) {
          const { count, folder } = result;
          const skipped = result.skipped.length;
          get().pushLibraryToast(
            skipped > 0
              ? { key: 'toast.exportedSkipped', count, folder, skipped }
              : { key: 'toast.exported', count, folder },
          );
        }
      } catch (thrown) {
        fail(thrown);
      }
    },

    importLibraryFiles: async ({ files, refused }) => {
      const outcomes: ImportedFile[] = refused.map(({ name, message }) => ({
        name,
        image: null,
        duplicate: false,
        error: { code: 'invalid-input', message },
      }));
      try {
        for (const batch of importBatches(files, importBatch)) {
          outcomes.push(...(await unwrap(api.library.import({ files: batch }))));
        }
      } catch (thrown) {
        fail(thrown);
      }
      const imported = outcomes.filter((outcome) => outcome.image !== null && !outcome.duplicate).length;
      const duplicates = outcomes.filter((outcome) => outcome.duplicate).length;
      if (duplicates > 0) {
        get().pushLibraryToast({ key: 'toast.importedDuplicates', count: imported, duplicates });
      } else if (imported > 0) {
        get().pushLibraryToast({ key: 'toast.imported', count: imported });
      }
      const failed = outcomes.filter((outcome) => outcome.error !== null);
      const [first] = failed;
      if (first?.error) {
        get().pushLibraryToast({
          key: 'toast.importFailed',
          count: failed.length,
          name: first.name,
          message: first.error.message,
        });
      }
    },

    checkLibrary: async () => {
      try {
        const report = await unwrap(api.library.check({ full: true }));
        get().pushLibraryToast({
          key: 'toast.checked',
          count: report.missingFiles + report.orphanFiles + report.wrongHashes,
        });
      } catch (thrown) {
        fail(thrown);
      }
      get().refreshLibrary();
    },

    copyLibraryPrompt: async (prompt) => {
      try {
        await navigator.clipboard.writeText(prompt);
        get().pushLibraryToast({ key: 'toast.copiedPrompt' });
      } catch (thrown) {
        fail(thrown);
      }
    },

    copyLibraryImage: async (id) => {
      try {
        await unwrap(api.desktop.copyImage({ id }));
        get().pushLibraryToast({ key: 'toast.copiedImage' });
      } catch (thrown) {
        fail(thrown);
      }
    },

    revealLibraryImage: async (id) => {
      try {
        await unwrap(api.desktop.reveal({ id }));
      } catch (thrown) {
        fail(thrown);
      }
    },

    remixLibraryGeneration: async (generationId) => {
      try {
        const remix = await unwrap(api.generation.remix({ generationId }));
        get().applyRemix(remix);
        get().closeLibraryDetail();
        get().navigate('generate');
      } catch (thrown) {
        fail(thrown);
      }
    },

    referenceLibraryImages: (images) => {
      if (images.length === 0) return;
      get().addReferences(images);
      get().closeLibraryDetail();
      get().navigate('generate');
    },

    pushLibraryToast: (message, undoTrash) => {
      const id = ++toastSeq;
      // Only the newest toast can undo: an Undo for an older action would surprise more than it helps.
      set((state) => ({
        libraryToasts: [
          ...state.libraryToasts.slice(-2).map((toast) => ({ ...toast, undoTrash: null })),
          { id, message, undoTrash: undoTrash ?? null },
        ],
      }));
      setTimeout(() => {
        get().dismissLibraryToast(id);
      }, toastLifetimeMs);
    },

    dismissLibraryToast: (id) => {
      set((state) => ({ libraryToasts: state.libraryToasts.filter((toast) => toast.id !== id) }));
    },
  };
};
