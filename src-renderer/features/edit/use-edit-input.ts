import { useEffect } from 'react';
import { useAppStoreApi } from '../../app/use-app-store';
import { isInDialog, isTyping } from '../../dom/keyboard-target';
import { readImageFiles } from '../../dom/read-files';
import { editActionFor } from './edit-shortcuts';

/**
 * The Edit view's keys (tools, undo, redo) from the shortcut table, and pasted images: the first becomes the
 * base when there is none, the rest references. Keys typed into a field or a dialog stay there.
 */
export function useEditInput(): void {
  const api = useAppStoreApi();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || isInDialog(event.target)) return;
      const action = editActionFor(event);
      if (action === null) return;
      const state = api.getState();
      if (!state.editHistory) return;
      event.preventDefault();
      if (action === 'undo') state.undoEdit();
      else if (action === 'redo') state.redoEdit();
      else state.setEditTool(action);
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isTyping(event.target)) return;
      const files = [...(event.clipboardData?.files ?? [])];
      if (files.length === 0) return;
      event.preventDefault();
      void readImageFiles(files).then(({ files: read }) => api.getState().addEditFiles(read));
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('paste', onPaste);
    };
  }, [api]);
}
