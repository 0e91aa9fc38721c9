import { create } from 'zustand';
import { createSettingsSlice, type SettingsSlice } from '../features/settings/settings-slice';
import { createNavigationSlice, type NavigationSlice } from './navigation-slice';

/** One store, one slice per feature (zustand's slices pattern); components select the narrowest piece. */
export type AppState = NavigationSlice & SettingsSlice;

export const useAppStore = create<AppState>()((...args) => ({
  ...createNavigationSlice(...args),
  ...createSettingsSlice(...args),
}));
