import { useEffect } from 'react';
import { useAppStore } from '../../app/store';
import { isInDialog, isTyping } from './is-typing';

/** While the library is shown: Ctrl/Cmd+F goes to the search box and Ctrl/Cmd+Z undoes the last delete. */
export function useLibraryShortcuts(searchRef: React.RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isInDialog(event.target)) return;
      const state = useAppStore.getState();
      if (event.key.toLowerCase() === 'f' && !event.shiftKey) {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
        return;
      }
      if (event.key.toLowerCase() === 'z' && !event.shiftKey && !isTyping(event.target)) {
        const undoable = state.libraryToasts.findLast((toast) => toast.undoTrash !== null);
        if (!undoable?.undoTrash) return;
        event.preventDefault();
        state.dismissLibraryToast(undoable.id);
        void state.restoreLibraryImages(undoable.undoTrash);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [searchRef]);
}
