import type { StateCreator } from 'zustand';
import type { AppServices } from './services';
import type { AppState } from './store';

export const views = ['generate', 'library', 'edit', 'usage', 'settings'] as const;
export type View = (typeof views)[number];

export interface NavigationSlice {
  view: View;
  navigate: (view: View) => void;
  /** The "Keyboard shortcuts" dialog, opened with `?` from anywhere. */
  shortcutsOpen: boolean;
  setShortcutsOpen: (open: boolean) => void;
}

function isView(name: string): name is View {
  return (views as readonly string[]).includes(name);
}

export function viewFromHash(hash: string): View {
  const name = hash.replace(/^#\/?/, '');
  return isView(name) ? name : 'generate';
}

export const createNavigationSlice =
  ({ initialView }: Pick<AppServices, 'initialView'>): StateCreator<AppState, [], [], NavigationSlice> =>
  (set) => ({
    view: initialView,
    navigate: (view) => {
      set({ view });
    },
    shortcutsOpen: false,
    setShortcutsOpen: (open) => {
      set({ shortcutsOpen: open });
    },
  });
