import type { StateCreator } from 'zustand';
import type { AppState } from '../../app/store';

/**
 * Result images picked for comparing or acting on together (Ctrl/Cmd-click or a tile's check badge), across
 * jobs, in the order they were picked.
 */
export interface ResultSelectionSlice {
  resultSelection: readonly number[];
  toggleResultSelection: (id: number) => void;
  clearResultSelection: () => void;
}

export const createResultSelectionSlice: StateCreator<AppState, [], [], ResultSelectionSlice> = (
  set,
  get,
) => ({
  resultSelection: [],
  toggleResultSelection: (id) => {
    const current = get().resultSelection;
    set({
      resultSelection: current.includes(id) ? current.filter((other) => other !== id) : [...current, id],
    });
  },
  clearResultSelection: () => {
    if (get().resultSelection.length > 0) set({ resultSelection: [] });
  },
});
