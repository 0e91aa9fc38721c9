import { useCallback } from 'react';
import type { DragEvent } from 'react';
import type { LibraryImage } from '../../../src-preload/contract/library-types';
import { useAppStoreApi } from '../../app/use-app-store';

/**
 * Starts dragging images out, following Electron's drag recipe: the HTML5 drag is cancelled and main starts
 * the OS drag of the files, which the desktop and other apps take. The drag under way ends at a drop inside the
 * app or, when it is dropped elsewhere, at the next pointer movement without a button held.
 */
export function useDragOut(): (event: DragEvent, images: LibraryImage[]) => void {
  const store = useAppStoreApi();
  return useCallback(
    (event, images) => {
      if (images.length === 0) return;
      event.preventDefault();
      const onPointer = (pointer: PointerEvent) => {
        if (pointer.buttons !== 0) return;
        window.removeEventListener('pointermove', onPointer);
        window.removeEventListener('pointerdown', onPointer);
        store.getState().endImageDrag();
      };
      window.addEventListener('pointermove', onPointer);
      window.addEventListener('pointerdown', onPointer);
      // Not awaited: main must start the drag while the pointer is still down; a failure is shown when known.
      void store.getState().startImageDrag(images);
    },
    [store],
  );
}
