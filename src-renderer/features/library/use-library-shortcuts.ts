import { useEffect } from 'react';
import { useAppStoreApi } from '../../app/use-app-store';
import { isInDialog, isTyping } from '../../dom/keyboard-target';

/** While the library is shown: Ctrl/Cmd+F goes to the search box and Ctrl/Cmd+Z undoes the last delete. */
export function useLibraryShortcuts(searchRef: React.RefObject<HTMLInputElement | null>): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isInDialog(event.target)) return;
      if (event.key.toLowerCase() === 'f' && !event.shiftKey) {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
        return;
      }
      if (event.key.toLowerCase() === 'z' && !event.shiftKey && !isTyping(event.target)) {
        if (store.getState().undoLatest()) event.preventDefault();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [searchRef, store]);
}
