import type { StateCreator } from 'zustand';
import type { AppServices } from '../../app/services';
import type { AppState } from '../../app/store';
import type { Grouping } from './arrangement';
import { clampThumbSize } from './grid-model';
import { emptySelection } from './selection';
import { readViewPreferences, writeViewPreferences } from './view-preferences';

/** How the view is laid out, remembered on this machine: grouping, thumbnail size, the inspector. */
export interface LibraryPreferencesSlice {
  libraryGrouping: Grouping;
  libraryThumbSize: number;
  libraryInspectorOpen: boolean;
  setLibraryGrouping: (grouping: Grouping) => void;
  setLibraryThumbSize: (size: number) => void;
  toggleLibraryInspector: () => void;
}

export const createLibraryPreferencesSlice =
  ({ storage }: Pick<AppServices, 'storage'>): StateCreator<AppState, [], [], LibraryPreferencesSlice> =>
  (set, get) => {
    const preferences = readViewPreferences(storage);
    const save = () => {
      const { libraryGrouping, libraryThumbSize, libraryInspectorOpen } = get();
      writeViewPreferences(storage, {
        grouping: libraryGrouping,
        thumbSize: libraryThumbSize,
        inspector: libraryInspectorOpen,
      });
    };
    return {
      libraryGrouping: preferences.grouping,
      libraryThumbSize: preferences.thumbSize,
      libraryInspectorOpen: preferences.inspector,
      setLibraryGrouping: (grouping) => {
        // Entry positions mean other images in another grouping.
        set({ libraryGrouping: grouping, libraryFocus: 0, librarySelection: emptySelection });
        save();
      },
      setLibraryThumbSize: (size) => {
        set({ libraryThumbSize: clampThumbSize(size) });
        save();
      },
      toggleLibraryInspector: () => {
        set({ libraryInspectorOpen: !get().libraryInspectorOpen });
        save();
      },
    };
  };
