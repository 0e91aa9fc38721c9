import type { StateCreator } from 'zustand';
import type { AppError } from '../../../src-preload/contract/errors';
import type { LibraryImage } from '../../../src-preload/contract/library-types';
import type { AppServices } from '../../app/services';
import type { AppState } from '../../app/store';
import { initialQuery, type LibraryFilters, type LibraryQuery, type SortOrder } from './library-query';
import { createListController, firstPageSize, type ChangeReason } from './list-controller';
import { emptySelection, keepSelected } from './selection';

/** The library's list: which query is shown and the loaded part of its answer. */
export interface LibraryListSlice {
  libraryQuery: LibraryQuery;
  /** Bumped whenever the result set is replaced by a new query, so the grid can go back to the top. */
  libraryQueryVersion: number;
  /** The loaded prefix of the result list, in list order. */
  libraryItems: LibraryImage[];
  libraryTotal: number | null;
  /** The total is only a floor ("1,000+"): main stopped counting and pages go on past it. */
  libraryTotalIsLowerBound: boolean;
  libraryLoading: boolean;
  libraryError: AppError | null;
  /** How many cells fill the grid's viewport: the first page of a new search asks for no more. */
  libraryScreenSlots: number;

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
  /**
   * Reads the library's first page, then what the sidebar shows, unless that is read or being read already; and
   * from then on follows main's changes. The app asks once it has started, so the Library opens with pictures
   * instead of skeletons; the Library asks again on opening, in case that read failed or never ran.
   */
  loadLibraryOnce: () => void;
  setLibraryVisible: (visible: boolean) => void;
  setLibraryScreenSlots: (slots: number) => void;
  /** Changes loaded images in place; `null` takes one out of the list (it left the current view). */
  patchLibraryItems: (ids: readonly number[], patch: (image: LibraryImage) => LibraryImage | null) => void;
}

export const createLibraryListSlice =
  ({ api, timers }: Pick<AppServices, 'api' | 'timers'>): StateCreator<AppState, [], [], LibraryListSlice> =>
  (set, get) => {
    let watching = false;
    const controller = createListController({
      list: (input) => api.library.list(input),
      timers,
      view: {
        query: () => get().libraryQuery,
        items: () => get().libraryItems,
        screenSlots: () => get().libraryScreenSlots,
        loading: () => {
          set({ libraryLoading: true, libraryError: null });
        },
        started: (items, total) => {
          set((state) => ({
            libraryItems: items,
            libraryTotal: total.count,
            libraryTotalIsLowerBound: total.atLeast,
            libraryLoading: false,
            libraryQueryVersion: state.libraryQueryVersion + 1,
            librarySelection: emptySelection,
            libraryFocus: 0,
            libraryTopEntry: 0,
          }));
        },
        refreshed: (items, total) => {
          const present = new Set(items.map((image) => image.id));
          set((state) => ({
            libraryItems: items,
            libraryTotal: total.count,
            libraryTotalIsLowerBound: total.atLeast,
            libraryError: null,
            librarySelection: keepSelected(state.librarySelection, present),
          }));
        },
        appended: (items, total) => {
          set((state) => ({
            libraryItems: state.libraryItems.concat(items),
            libraryTotal: total.count,
            libraryTotalIsLowerBound: total.atLeast,
          }));
        },
        prepended: (items, total) => {
          set((state) => ({
            libraryItems: items.length === 0 ? state.libraryItems : [...items, ...state.libraryItems],
            libraryTotal: total.count,
            libraryTotalIsLowerBound: total.atLeast,
            // The focus and the Shift anchor stay on the same images.
            libraryFocus: state.libraryItems.length === 0 ? 0 : state.libraryFocus + items.length,
            librarySelection:
              state.librarySelection.anchor === null
                ? state.librarySelection
                : { ...state.librarySelection, anchor: state.librarySelection.anchor + items.length },
          }));
        },
        failed: (error, during) => {
          set(during === 'query' ? { libraryLoading: false, libraryError: error } : { libraryError: error });
        },
        refreshEnded: () => {
          void get().reloadLibraryDetail();
        },
        catchingUp: () => {
          void get().loadLibraryMeta();
        },
      },
    });

    const requery = (query: LibraryQuery, debounce: boolean) => {
      set({ libraryQuery: query });
      controller.queryChanged(debounce);
    };

    return {
      libraryQuery: initialQuery,
      libraryQueryVersion: 0,
      libraryItems: [],
      libraryTotal: null,
      libraryTotalIsLowerBound: false,
      libraryLoading: false,
      libraryError: null,
      libraryScreenSlots: firstPageSize,

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
      reloadLibrary: () => controller.reload(),
      loadLibraryUntil: (count) => controller.loadUntil(count),
      refreshLibrary: (reason) => {
        controller.changed(reason);
      },
      loadLibraryOnce: () => {
        get().watchLibraryChanges();
        if (get().libraryTotal !== null || get().libraryLoading) return;
        void get()
          .reloadLibrary()
          .then(() => get().loadLibraryMeta());
      },
      watchLibraryChanges: () => {
        if (watching) return;
        watching = true;
        api.on('library:changed', ({ reason }) => {
          controller.changed(reason);
        });
      },
      setLibraryVisible: (visible) => {
        controller.setVisible(visible);
      },
      setLibraryScreenSlots: (slots) => {
        set({ libraryScreenSlots: slots });
      },
      patchLibraryItems: (ids, patch) => {
        const targets = new Set(ids);
        const { libraryItems, libraryTotal } = get();
        let removed = 0;
        const items: LibraryImage[] = [];
        for (const image of libraryItems) {
          const next = targets.has(image.id) ? patch(image) : image;
          if (next) items.push(next);
          else removed += 1;
        }
        controller.listEdited();
        set({
          libraryItems: items,
          libraryTotal: libraryTotal === null ? null : Math.max(0, libraryTotal - removed),
        });
      },
    };
  };
