import type { StateCreator } from 'zustand';
import type { AppServices } from '../../app/services';
import type { AppState } from '../../app/store';
import type { Grouping } from './arrangement';
import { clampThumbSize } from './grid-model';
import { emptySelection } from './selection';
import { readViewPreferences, writeViewPreferences } from './view-preferences';

/** How the grid is laid out, remembered on this machine: grouping and thumbnail size. */
export interface LibraryPreferencesSlice {
  libraryGrouping: Grouping;
  libraryThumbSize: number;
  setLibraryGrouping: (grouping: Grouping) => void;
  setLibraryThumbSize: (size: number) => void;
}

export const createLibraryPreferencesSlice =
  ({ storage }: Pick<AppServices, 'storage'>): StateCreator<AppState, [], [], LibraryPreferencesSlice> =>
  (set, get) => {
    const preferences = readViewPreferences(storage);
    const save = () => {
      const { libraryGrouping, libraryThumbSize } = get();
      writeViewPreferences(storage, { grouping: libraryGrouping, thumbSize: libraryThumbSize });
    };
    return {
      libraryGrouping: preferences.grouping,
      libraryThumbSize: preferences.thumbSize,
      setLibraryGrouping: (grouping) => {
        // Entry positions mean other images in another grouping.
        set({ libraryGrouping: grouping, libraryFocus: 0, librarySelection: emptySelection });
        save();
      },
      setLibraryThumbSize: (size) => {
        set({ libraryThumbSize: clampThumbSize(size) });
        save();
      },
    };
  };
