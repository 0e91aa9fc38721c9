import { useEffect } from 'react';
import { useAppStoreApi } from '../../app/use-app-store';
import { isInDialog, isTyping } from '../../dom/keyboard-target';
import { matches } from '../../shortcuts/shortcut-table';

/** While the library is shown: Ctrl/Cmd+F goes to the search box and Ctrl/Cmd+Z undoes the last delete. */
export function useLibraryShortcuts(searchRef: React.RefObject<HTMLInputElement | null>): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isInDialog(event.target)) return;
      if (matches(event, 'library.search')) {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
        return;
      }
      if (matches(event, 'library.undo') && !isTyping(event.target)) {
        if (store.getState().undoLatest()) event.preventDefault();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [searchRef, store]);
}
