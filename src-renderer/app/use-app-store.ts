import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from './store';

/**
 * The store reaches components through context rather than a module-level instance, so a test renders a
 * component against its own store (zustand's "initialize state with props" pattern).
 */
export const AppStoreContext = createContext<AppStore | null>(null);

export function useAppStoreApi(): AppStore {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('A component used the app store outside <AppStoreContext.Provider>.');
  return store;
}

/** The narrowest piece of state a component needs; it re-renders only when that piece changes. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}
