import { createStore, type StoreApi } from 'zustand';
import { createEditSlice, type EditSlice } from '../features/edit/edit-slice';
import { createEditVersionsSlice, type EditVersionsSlice } from '../features/edit/edit-versions-slice';
import { createFirstRunSlice, type FirstRunSlice } from '../features/first-run/first-run-slice';
import { createGenerateSlice, type GenerateSlice } from '../features/generate/generate-slice';
import { createModelSwitchSlice, type ModelSwitchSlice } from '../features/generate/model-switch-slice';
import {
  createImageActionsSlice,
  type ImageActionsSlice,
} from '../features/image-actions/image-actions-slice';
import { createLibraryDetailSlice, type LibraryDetailSlice } from '../features/library/detail-slice';
import { createLibraryListSlice, type LibraryListSlice } from '../features/library/list-slice';
import { createOrganiseSlice, type OrganiseSlice } from '../features/library/organise-slice';
import {
  createLibraryPreferencesSlice,
  type LibraryPreferencesSlice,
} from '../features/library/preferences-slice';
import { createSelectionSlice, type SelectionSlice } from '../features/library/selection-slice';
import { createTransferSlice, type TransferSlice } from '../features/library/transfer-slice';
import { createCompareSlice, type CompareSlice } from '../features/compare/compare-slice';
import { createPromptsSlice, type PromptsSlice } from '../features/prompts/prompts-slice';
import { createQueueSlice, type QueueSlice } from '../features/queue/queue-slice';
import { createReferenceSlice, type ReferenceSlice } from '../features/reference-tray/reference-slice';
import { createJobsSlice, type JobsSlice } from '../features/sequence-grid/jobs-slice';
import {
  createResultSelectionSlice,
  type ResultSelectionSlice,
} from '../features/sequence-grid/result-selection-slice';
import { createSettingsSlice, type SettingsSlice } from '../features/settings/settings-slice';
import { createViewerSlice, type ViewerSlice } from '../features/viewer/viewer-slice';
import { createUsageSlice, type UsageSlice } from '../features/usage/usage-slice';
import { createPricingSlice, type PricingSlice } from '../features/pricing/pricing-slice';
import { createNavigationSlice, type NavigationSlice } from './navigation-slice';
import { createNotificationsSlice, type NotificationsSlice } from './notifications-slice';
import type { AppServices } from './services';

/** One store, one slice per feature (zustand's slices pattern); components select the narrowest piece. */
export type AppState = NavigationSlice &
  NotificationsSlice &
  SettingsSlice &
  FirstRunSlice &
  GenerateSlice &
  EditSlice &
  EditVersionsSlice &
  ReferenceSlice &
  JobsSlice &
  ImageActionsSlice &
  LibraryListSlice &
  SelectionSlice &
  LibraryPreferencesSlice &
  LibraryDetailSlice &
  OrganiseSlice &
  TransferSlice &
  ViewerSlice &
  ResultSelectionSlice &
  UsageSlice &
  PricingSlice &
  ModelSwitchSlice &
  QueueSlice &
  PromptsSlice &
  CompareSlice;

export type AppStore = StoreApi<AppState>;

/** Builds the app's state around the services it is given: the real bridge in the app, fakes in tests. */
export function createAppStore(services: AppServices): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createNavigationSlice(services)(...args),
    ...createNotificationsSlice(...args),
    ...createSettingsSlice(services)(...args),
    ...createFirstRunSlice(services)(...args),
    ...createGenerateSlice(services)(...args),
    ...createEditSlice(services)(...args),
    ...createEditVersionsSlice(services)(...args),
    ...createReferenceSlice(services)(...args),
    ...createJobsSlice(services)(...args),
    ...createImageActionsSlice(services)(...args),
    ...createLibraryListSlice(services)(...args),
    ...createSelectionSlice(...args),
    ...createLibraryPreferencesSlice(services)(...args),
    ...createLibraryDetailSlice(services)(...args),
    ...createOrganiseSlice(services)(...args),
    ...createTransferSlice(services)(...args),
    ...createViewerSlice(...args),
    ...createResultSelectionSlice(...args),
    ...createUsageSlice(services)(...args),
    ...createPricingSlice(services)(...args),
    ...createModelSwitchSlice(services)(...args),
    ...createQueueSlice(services)(...args),
    ...createPromptsSlice(services)(...args),
    ...createCompareSlice(services)(...args),
  }));
}
