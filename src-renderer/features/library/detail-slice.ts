import type { StateCreator } from 'zustand';
import type { AppError } from '../../../src-preload/contract/errors';
import type { ImageDetail, LibraryImage } from '../../../src-preload/contract/library-types';
import type { AppServices } from '../../app/services';
import type { AppState } from '../../app/store';
import { settle } from '../../result';

/** The inspector's image and everything known about it. */
export interface LibraryDetailSlice {
  libraryDetailId: number | null;
  libraryDetail: ImageDetail | null;
  libraryDetailError: AppError | null;
  /**
   * An image another view asked the library to show: the grid moves its focus there once the image is in the
   * list, and until then the inspector shows it anyway.
   */
  libraryRevealId: number | null;
  openLibraryDetail: (id: number) => void;
  /** Opens the library at an image (called by other views before they navigate here): its details show. */
  showInLibrary: (id: number) => void;
  /** The grid found the image to reveal (or gave up on it). */
  revealedInLibrary: () => void;
  closeLibraryDetail: () => void;
  /** Reads the open image's details again (after the library changed). */
  reloadLibraryDetail: () => Promise<void>;
  /** Changes the open image in place when it is one of `ids` (a favorite toggled elsewhere). */
  patchLibraryDetail: (ids: readonly number[], patch: (image: LibraryImage) => LibraryImage) => void;
  copyLibraryPrompt: (prompt: string) => Promise<void>;
  revealLibraryImage: (id: number) => Promise<void>;
}

export const createLibraryDetailSlice =
  ({
    api,
    clipboard,
  }: Pick<AppServices, 'api' | 'clipboard'>): StateCreator<AppState, [], [], LibraryDetailSlice> =>
  (set, get) => {
    /** Only the newest request's answer is shown: stepping through images quickly must not flash old ones. */
    let latestRequest = 0;

    const load = async (id: number) => {
      const request = ++latestRequest;
      const detail = await api.library.detail({ id });
      if (request !== latestRequest) return;
      set(
        detail.ok
          ? { libraryDetail: detail.value, libraryDetailError: null }
          : { libraryDetail: null, libraryDetailError: detail.error },
      );
    };

    return {
      libraryDetailId: null,
      libraryDetail: null,
      libraryDetailError: null,
      libraryRevealId: null,
      openLibraryDetail: (id) => {
        set({ libraryDetailId: id, libraryDetailError: null });
        void load(id);
      },
      showInLibrary: (id) => {
        set({ libraryRevealId: id, libraryInspectorOpen: true });
        get().openLibraryDetail(id);
      },
      revealedInLibrary: () => {
        set({ libraryRevealId: null });
      },
      closeLibraryDetail: () => {
        latestRequest += 1;
        set({ libraryDetailId: null, libraryDetail: null, libraryDetailError: null });
      },
      reloadLibraryDetail: async () => {
        const id = get().libraryDetailId;
        if (id !== null) await load(id);
      },
      patchLibraryDetail: (ids, patch) => {
        const detail = get().libraryDetail;
        if (detail && ids.includes(detail.image.id)) {
          set({ libraryDetail: { ...detail, image: patch(detail.image) } });
        }
      },
      copyLibraryPrompt: async (prompt) => {
        const copied = await settle(() => clipboard.writeText(prompt));
        if (copied.ok) get().notify({ key: 'toast.copiedPrompt' });
        else get().notifyFailure(copied.error);
      },
      revealLibraryImage: async (id) => {
        const revealed = await api.desktop.reveal({ id });
        if (!revealed.ok) get().notifyFailure(revealed.error);
      },
    };
  };
