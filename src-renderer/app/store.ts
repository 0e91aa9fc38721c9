import { create } from 'zustand';
import { createSettingsSlice, type SettingsSlice } from '../features/settings/settings-slice';
import { createGenerateSlice, type GenerateSlice } from '../features/generate/generate-slice';
import { createReferenceSlice, type ReferenceSlice } from '../features/reference-tray/reference-slice';
import { createJobsSlice, type JobsSlice } from '../features/sequence-grid/jobs-slice';
import { createLibrarySlice, type LibrarySlice } from '../features/library/library-slice';
import { createNavigationSlice, type NavigationSlice } from './navigation-slice';

/** One store, one slice per feature (zustand's slices pattern); components select the narrowest piece. */
export type AppState = NavigationSlice &
  SettingsSlice &
  GenerateSlice &
  ReferenceSlice &
  JobsSlice &
  LibrarySlice;

export const useAppStore = create<AppState>()((...args) => ({
  ...createNavigationSlice(...args),
  ...createSettingsSlice(...args),
  ...createGenerateSlice(...args),
  ...createReferenceSlice(...args),
  ...createJobsSlice(...args),
  ...createLibrarySlice(...args),
}));
