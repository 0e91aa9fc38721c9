import { useEffect } from 'react';
import { useAppStoreApi } from '../../app/use-app-store';
import { isInDialog, isTyping } from '../../dom/keyboard-target';
import { matchShortcut } from '../../shortcuts/shortcut-table';
import { emptySelection } from './selection';

const libraryKeys = [
  'library.search',
  'library.undo',
  'library.inspector',
  'library.compare',
  'library.clearSelection',
] as const;

/**
 * While the library is shown: Ctrl/Cmd+F goes to the search box, Ctrl/Cmd+Z undoes the last delete, I shows or
 * hides the inspector, C compares the selection and Escape clears it (the shortcut table's library scope).
 */
export function useLibraryShortcuts(
  searchRef: React.RefObject<HTMLInputElement | null>,
  compare: () => void,
): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isInDialog(event.target)) return;
      const action = matchShortcut(event, libraryKeys);
      if (action === 'library.search') {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
        return;
      }
      // Everything else is typed text inside a field.
      if (isTyping(event.target)) return;
      if (action === 'library.undo') {
        if (store.getState().undoLatest()) event.preventDefault();
      } else if (action === 'library.inspector') {
        event.preventDefault();
        store.getState().toggleLibraryInspector();
      } else if (action === 'library.compare') {
        event.preventDefault();
        compare();
      } else if (action === 'library.clearSelection' && !event.defaultPrevented) {
        const state = store.getState();
        if (state.librarySelection.ids.size === 0) return;
        event.preventDefault();
        state.setLibrarySelection(emptySelection);
        // The selection's bar gives way to the toolbar; the focus goes to the grid rather than to nowhere.
        if (!(event.target instanceof Element && event.target.closest('[role="grid"]'))) {
          document.querySelector<HTMLElement>('[role="grid"]')?.focus();
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [searchRef, store, compare]);
}
