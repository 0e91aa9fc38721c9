import type { StateCreator } from 'zustand';
import type { AppState } from '../../app/store';
import { emptySelection, selectIds, type Selection } from './selection';

/** Where the user is in the grid: what is selected, the keyboard focus, open stacks and the scroll position. */
export interface SelectionSlice {
  librarySelection: Selection;
  /** Entry index of the keyboard focus in the grid. */
  libraryFocus: number;
  libraryOpenStacks: ReadonlySet<number>;
  /** The entry at the top of the grid, so coming back to the view returns to the same place. */
  libraryTopEntry: number;
  setLibrarySelection: (selection: Selection) => void;
  /** Loads the whole list, then selects every image in it. */
  selectAllLibrary: () => Promise<void>;
  setLibraryFocus: (entry: number) => void;
  toggleLibraryStack: (generationId: number) => void;
  setLibraryTopEntry: (entry: number) => void;
  /** Drops images from the selection (they left the list). */
  deselectLibraryImages: (ids: readonly number[]) => void;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set, get) => ({
  librarySelection: emptySelection,
  libraryFocus: 0,
  libraryOpenStacks: new Set(),
  libraryTopEntry: 0,
  setLibrarySelection: (selection) => {
    set({ librarySelection: selection });
  },
  selectAllLibrary: async () => {
    const { libraryTotal, libraryTotalIsLowerBound } = get();
    // A total that is only a floor means the list's end is not known: everything is read.
    await get().loadLibraryUntil(libraryTotalIsLowerBound ? Number.MAX_SAFE_INTEGER : (libraryTotal ?? 0));
    set({ librarySelection: selectIds(get().libraryItems.map((image) => image.id)) });
  },
  setLibraryFocus: (entry) => {
    set({ libraryFocus: entry });
  },
  toggleLibraryStack: (generationId) => {
    const open = new Set(get().libraryOpenStacks);
    if (open.has(generationId)) open.delete(generationId);
    else open.add(generationId);
    // The anchor is an entry index, and opening or closing a stack moves every entry after it.
    set({ libraryOpenStacks: open, librarySelection: { ...get().librarySelection, anchor: null } });
  },
  setLibraryTopEntry: (entry) => {
    set({ libraryTopEntry: entry });
  },
  deselectLibraryImages: (ids) => {
    const gone = new Set(ids);
    const kept = [...get().librarySelection.ids].filter((id) => !gone.has(id));
    set({ librarySelection: { ids: new Set(kept), anchor: null } });
  },
});
