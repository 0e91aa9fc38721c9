import type { StateCreator } from 'zustand';
import type { JobSnapshot } from '../../../src-preload/contract/ipc';
import type { LibraryImage } from '../../../src-preload/contract/library-types';
import type { AppServices } from '../../app/services';
import type { AppState } from '../../app/store';
import {
  isVersionOf,
  mergeVersions,
  originalVersion,
  pendingVersion,
  storedVersions,
  withSnapshot,
  type EditVersion,
} from './versions';

/** The Edit view's "Versions": the picture first opened, then every edit made from it, this session or before. */
export interface EditVersionsSlice {
  editVersions: EditVersion[];
  /** The version the base is. */
  editBaseVersion: string | null;
  /** The version chosen in the list (for before/after, continuing or reopening). */
  editSelectedVersion: string | null;
  /**
   * Starts the list again on a picture, the original first; the edits the library remembers from it (and from
   * their pictures, and so on) join it as soon as main answers.
   */
  startEditVersions: (image: LibraryImage) => Promise<void>;
  /** An edit just applied to the base joins the list, chosen, and follows its job. */
  addEditVersion: (job: JobSnapshot) => void;
  receiveEditSnapshot: (snapshot: JobSnapshot) => void;
  selectEditVersion: (key: string) => void;
  /** The chosen version becomes the base; later edits branch from it and every earlier one stays. */
  continueFromVersion: (key: string) => void;
}

export const createEditVersionsSlice =
  ({ api }: Pick<AppServices, 'api'>): StateCreator<AppState, [], [], EditVersionsSlice> =>
  (set, get) => ({
    editVersions: [],
    editBaseVersion: null,
    editSelectedVersion: null,

    startEditVersions: async (image) => {
      const original = originalVersion(image);
      set({ editVersions: [original], editBaseVersion: original.key, editSelectedVersion: original.key });
      const stored = await api.edit.versions({ imageId: image.id });
      // Another picture may have been opened while main looked.
      if (get().editVersions[0]?.key !== original.key) return;
      if (!stored.ok) {
        get().notifyFailure(stored.error);
        return;
      }
      set((state) => ({
        editVersions: mergeVersions(state.editVersions, storedVersions(image, stored.value)),
      }));
    },
    addEditVersion: (job) => {
      set((state) => {
        const version = pendingVersion(state.editVersions, state.editBaseVersion, job);
        return {
          editVersions: withSnapshot([...state.editVersions, version], job),
          editSelectedVersion: version.key,
        };
      });
    },
    receiveEditSnapshot: (snapshot) => {
      if (!get().editVersions.some((version) => isVersionOf(version, snapshot))) return;
      set((state) => ({ editVersions: withSnapshot(state.editVersions, snapshot) }));
    },
    selectEditVersion: (key) => {
      set({ editSelectedVersion: key });
    },
    continueFromVersion: (key) => {
      const version = get().editVersions.find((candidate) => candidate.key === key);
      if (!version?.image) return;
      get().setEditBase(version.image);
      set({ editBaseVersion: version.key, editSelectedVersion: version.key });
    },
  });
