import { useCallback } from 'react';
import type { LibraryImage } from '../../../src-preload/contract/library-types';
import { useAppStore } from '../../app/store';
import { api } from '../../bridge';
import { setDraggedImages } from '../../components/drag-image';
import { coverOf, imagesOf, type Entry } from './arrangement';
import { isEntrySelected } from './selection';

/**
 * Starts dragging an entry: the in-app payload (every selected image when the entry is selected) for the
 * reference tray, and the real file through main for the desktop and other apps.
 */
export function useImageDrag(): (dataTransfer: DataTransfer, entry: Entry) => void {
  return useCallback((dataTransfer, entry) => {
    const { librarySelection, libraryItems } = useAppStore.getState();
    let images: LibraryImage[] = imagesOf(entry);
    if (isEntrySelected(librarySelection.ids, entry) && librarySelection.ids.size > images.length) {
      images = libraryItems.filter((image) => librarySelection.ids.has(image.id));
    }
    setDraggedImages(dataTransfer, images);
    // Fire and forget: the drag must start inside this event, and a failed OS drag leaves the in-app one working.
    void api.desktop.startDrag({ id: coverOf(entry).id });
  }, []);
}
