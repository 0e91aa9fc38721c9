import type { StateCreator } from 'zustand';
import { maxDraggedImages, type LibraryImage } from '../../../src-preload/contract/library-types';
import type { AppServices } from '../../app/services';
import type { AppState } from '../../app/store';

/**
 * What can be done to a saved image wherever it shows (a result tile, the library grid, the details dialog),
 * written once: each updates every place that shows the image and reports a failure as a toast.
 */
export interface ImageActionsSlice {
  /** Shown at once everywhere; put back if main refuses. */
  setFavorite: (ids: number[], favorite: boolean) => Promise<void>;
  /**
   * Puts the image file on the system clipboard. Resolves whether it worked, so the place that asked can
   * confirm it its own way (a label on a result tile, a toast in the library).
   */
  copyImage: (id: number) => Promise<boolean>;
  /** Loads a generation's request and references into Generate and goes there; works offline. */
  remix: (generationId: number) => Promise<void>;
  /** Puts images into Generate's reference tray and goes there. */
  sendToReferenceTray: (images: LibraryImage[]) => void;
  /**
   * Starts an edit of the image: it becomes the first reference (the picture the prompt changes) and Generate
   * opens. A dedicated Edit view will take this over.
   */
  editImage: (image: LibraryImage) => void;
  /**
   * Images on their way out of the app as an OS drag of their files: set while the drag lasts, so a drop back
   * inside the app (the reference tray, the library's drop zone) takes them as the images they are.
   */
  inAppDrag: LibraryImage[] | null;
  /** Starts the OS drag of the images' files (main calls Electron's startDrag) and remembers them. */
  startImageDrag: (images: LibraryImage[]) => Promise<void>;
  /** The images of the drag under way, which ends with this call (a drop inside the app). */
  takeImageDrag: () => LibraryImage[] | null;
  /** The drag ended elsewhere (on the desktop, in another app, or nowhere). */
  endImageDrag: () => void;
  /** The naming dialog a menu asked for (menus close before a dialog can open from them). */
  imageDialog: ImageDialog | null;
  /** Asks for a tag to give the images. */
  askForTag: (ids: number[]) => void;
  /** Asks for the name of a new collection to put the images in. */
  askForCollection: (ids: number[]) => void;
  closeImageDialog: () => void;
}

export interface ImageDialog {
  kind: 'tag' | 'collection';
  ids: number[];
}

export const createImageActionsSlice =
  ({ api }: Pick<AppServices, 'api'>): StateCreator<AppState, [], [], ImageActionsSlice> =>
  (set, get) => {
    const showFavorite = (ids: number[], favorite: boolean) => {
      const state = get();
      const leavesView = !favorite && state.libraryQuery.filters.favorite;
      state.patchLibraryItems(ids, (image) => (leavesView ? null : { ...image, favorite }));
      state.patchLibraryDetail(ids, (image) => ({ ...image, favorite }));
      state.patchJobImages(ids, (image) => ({ ...image, favorite }));
    };

    /** The viewer and the comparison are closed by going to Generate, so coming back shows the view itself. */
    const leaveForGenerate = () => {
      get().closeViewer();
      get().closeCompare();
      get().navigate('generate');
    };

    return {
      setFavorite: async (ids, favorite) => {
        showFavorite(ids, favorite);
        const saved = await api.library.setFavorite({ ids, favorite });
        if (!saved.ok) {
          get().notifyFailure(saved.error);
          get().patchJobImages(ids, (image) => ({ ...image, favorite: !favorite }));
          // The library may have dropped images from a favorites view: reading it again puts them back.
          get().refreshLibrary();
          return;
        }
        if (ids.length > 1) {
          get().notify({ key: favorite ? 'toast.favorited' : 'toast.unfavorited', count: ids.length });
        }
      },

      copyImage: async (id) => {
        const copied = await api.desktop.copyImage({ id });
        if (!copied.ok) get().notifyFailure(copied.error);
        return copied.ok;
      },

      remix: async (generationId) => {
        const remix = await api.generation.remix({ generationId });
        if (!remix.ok) {
          get().notifyFailure(remix.error);
          return;
        }
        get().applyRemix(remix.value);
        leaveForGenerate();
      },

      sendToReferenceTray: (images) => {
        if (images.length === 0) return;
        get().addReferences(images);
        leaveForGenerate();
      },

      editImage: (image) => {
        get().addReferences([image]);
        if (get().references.some((reference) => reference.id === image.id)) get().moveReference(image.id, 0);
        leaveForGenerate();
      },

      imageDialog: null,
      askForTag: (ids) => {
        set({ imageDialog: { kind: 'tag', ids } });
      },
      askForCollection: (ids) => {
        set({ imageDialog: { kind: 'collection', ids } });
      },
      closeImageDialog: () => {
        set({ imageDialog: null });
      },

      inAppDrag: null,
      startImageDrag: async (images) => {
        if (images.length === 0) return;
        set({ inAppDrag: images });
        const started = await api.desktop.startDrag({
          ids: images.slice(0, maxDraggedImages).map((image) => image.id),
        });
        if (!started.ok) {
          set({ inAppDrag: null });
          get().notifyFailure(started.error);
        }
      },
      takeImageDrag: () => {
        const images = get().inAppDrag;
        set({ inAppDrag: null });
        return images;
      },
      endImageDrag: () => {
        if (get().inAppDrag !== null) set({ inAppDrag: null });
      },
    };
  };
