import { useCallback } from 'react';
import type { LibraryImage } from '../../../src-preload/contract/library-types';
import { useAppStoreApi } from '../../app/use-app-store';
import { setDraggedImages } from '../../dom/drag-image';
import { coverOf, imagesOf, type Entry } from './arrangement';
import { isEntrySelected } from './selection';

/**
 * Starts dragging an entry: the in-app payload (every selected image when the entry is selected) for the
 * reference tray, and the real file through main for the desktop and other apps.
 */
export function useImageDrag(): (dataTransfer: DataTransfer, entry: Entry) => void {
  const store = useAppStoreApi();
  return useCallback(
    (dataTransfer, entry) => {
      const { librarySelection, libraryItems, startImageDrag } = store.getState();
      let images: LibraryImage[] = imagesOf(entry);
      if (isEntrySelected(librarySelection.ids, entry) && librarySelection.ids.size > images.length) {
        images = libraryItems.filter((image) => librarySelection.ids.has(image.id));
      }
      setDraggedImages(dataTransfer, images);
      // Not awaited: the drag must start inside this event; a failure is shown once main answers.
      void startImageDrag(coverOf(entry).id);
    },
    [store],
  );
}
