import type { StateCreator } from 'zustand';
import type { AppServices } from './services';
import type { AppState } from './store';

export const views = ['generate', 'library', 'edit', 'settings'] as const;
export type View = (typeof views)[number];

export interface NavigationSlice {
  view: View;
  navigate: (view: View) => void;
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
  });
