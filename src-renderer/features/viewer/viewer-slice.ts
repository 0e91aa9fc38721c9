import type { StateCreator } from 'zustand';
import type { AppState } from '../../app/store';

/** Where the images being looked at come from: the library's grid or Generate's results. */
export type ImageSource = 'library' | 'results';

/** Compare shows two to four images side by side. */
export const compareLimits = { min: 2, max: 4 } as const;

export function canCompare(count: number): boolean {
  return count >= compareLimits.min && count <= compareLimits.max;
}

/**
 * The full-window viewer and the comparison, each open on one source at a time. Only ids are kept: the view that
 * owns the source supplies its images, so a favorite or a new page shows in the viewer at once.
 */
export interface ViewerSlice {
  viewer: { source: ImageSource; id: number } | null;
  compare: { source: ImageSource; ids: readonly number[] } | null;
  openViewer: (source: ImageSource, id: number) => void;
  closeViewer: () => void;
  /** Opens the comparison when two to four images are given; says whether it did. */
  openCompare: (source: ImageSource, ids: readonly number[]) => boolean;
  closeCompare: () => void;
}

export const createViewerSlice: StateCreator<AppState, [], [], ViewerSlice> = (set) => ({
  viewer: null,
  compare: null,
  openViewer: (source, id) => {
    set({ viewer: { source, id }, compare: null });
  },
  closeViewer: () => {
    set({ viewer: null });
  },
  openCompare: (source, ids) => {
    const unique = [...new Set(ids)];
    if (!canCompare(unique.length)) return false;
    set({ compare: { source, ids: unique }, viewer: null });
    return true;
  },
  closeCompare: () => {
    set({ compare: null });
  },
});
