import { useCallback } from 'react';
import type { DragEvent } from 'react';
import type { LibraryImage } from '../../../src-preload/contract/library-types';
import { useAppStoreApi } from '../../app/use-app-store';
import { useDragOut } from '../image-actions/use-drag-out';
import { imagesOf, type Entry } from './arrangement';
import { isEntrySelected } from './selection';

/** Drags an entry out of the library: every selected image when the entry is part of the selection. */
export function useImageDrag(): (event: DragEvent, entry: Entry) => void {
  const store = useAppStoreApi();
  const dragOut = useDragOut();
  return useCallback(
    (event, entry) => {
      const { librarySelection, libraryItems } = store.getState();
      let images: LibraryImage[] = imagesOf(entry);
      if (isEntrySelected(librarySelection.ids, entry) && librarySelection.ids.size > images.length) {
        images = libraryItems.filter((image) => librarySelection.ids.has(image.id));
      }
      dragOut(event, images);
    },
    [store, dragOut],
  );
}
