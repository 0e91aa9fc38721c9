import type { StateCreator } from 'zustand';
import type { Collection, LibraryStats, Tag } from '../../../src-preload/contract/library-types';
import type { AppServices } from '../../app/services';
import type { AppState } from '../../app/store';
import { allOk } from '../../result';

/** Tags, collections and the trash, plus the catalog facts the sidebar and filters offer. */
export interface OrganiseSlice {
  libraryCollections: Collection[];
  libraryTags: Tag[];
  libraryModels: string[];
  libraryStats: LibraryStats | null;
  loadLibraryMeta: () => Promise<void>;
  tagLibraryImages: (ids: number[], name: string) => Promise<boolean>;
  untagLibraryImages: (ids: number[], tag: Tag) => Promise<void>;
  addToLibraryCollection: (ids: number[], collection: Collection) => Promise<void>;
  removeFromLibraryCollection: (ids: number[], collection: Collection) => Promise<void>;
  createLibraryCollection: (name: string) => Promise<Collection | null>;
  renameLibraryCollection: (id: number, name: string) => Promise<boolean>;
  deleteLibraryCollection: (id: number) => Promise<boolean>;
  /** Moves images to the trash at once, with a toast whose Undo restores them. */
  trashLibraryImages: (ids: number[]) => Promise<void>;
  restoreLibraryImages: (ids: number[]) => Promise<void>;
  emptyLibraryTrash: () => Promise<void>;
}

export const createOrganiseSlice =
  ({ api }: Pick<AppServices, 'api'>): StateCreator<AppState, [], [], OrganiseSlice> =>
  (set, get) => ({
    libraryCollections: [],
    libraryTags: [],
    libraryModels: [],
    libraryStats: null,

    loadLibraryMeta: async () => {
      const results = await Promise.all([
        api.collections.list(),
        api.tags.list(),
        api.library.models(),
        api.library.stats(),
      ]);
      const loaded = allOk(results);
      if (!loaded.ok) {
        get().notifyFailure(loaded.error);
        return;
      }
      const [collections, tags, models, stats] = loaded.value;
      set({ libraryCollections: collections, libraryTags: tags, libraryModels: models, libraryStats: stats });
    },

    tagLibraryImages: async (ids, name) => {
      const tagged = await api.tags.add({ ids, name });
      if (!tagged.ok) {
        get().notifyFailure(tagged.error);
        return false;
      }
      get().notify({ key: 'toast.tagged', count: ids.length, name: tagged.value.name });
      get().refreshLibrary();
      return true;
    },

    untagLibraryImages: async (ids, tag) => {
      const untagged = await api.tags.remove({ ids, tagId: tag.id });
      if (!untagged.ok) get().notifyFailure(untagged.error);
      get().refreshLibrary();
    },

    addToLibraryCollection: async (ids, collection) => {
      const added = await api.collections.add({ ids, collectionId: collection.id });
      if (added.ok) {
        get().notify({ key: 'toast.addedToCollection', count: ids.length, name: collection.name });
      } else {
        get().notifyFailure(added.error);
      }
      get().refreshLibrary();
    },

    removeFromLibraryCollection: async (ids, collection) => {
      if (get().libraryQuery.filters.collectionId === collection.id) get().patchLibraryItems(ids, () => null);
      const removed = await api.collections.remove({ ids, collectionId: collection.id });
      if (removed.ok) {
        get().notify({ key: 'toast.removedFromCollection', count: ids.length, name: collection.name });
      } else {
        get().notifyFailure(removed.error);
      }
      get().refreshLibrary();
    },

    createLibraryCollection: async (name) => {
      const created = await api.collections.create({ name });
      if (!created.ok) {
        get().notifyFailure(created.error);
        return null;
      }
      set((state) => ({ libraryCollections: [...state.libraryCollections, created.value] }));
      return created.value;
    },

    renameLibraryCollection: async (id, name) => {
      const renamed = await api.collections.rename({ id, name });
      if (!renamed.ok) {
        get().notifyFailure(renamed.error);
        return false;
      }
      set((state) => ({
        libraryCollections: state.libraryCollections.map((collection) =>
          collection.id === id ? renamed.value : collection,
        ),
      }));
      return true;
    },

    deleteLibraryCollection: async (id) => {
      const deleted = await api.collections.delete({ id });
      if (!deleted.ok) {
        get().notifyFailure(deleted.error);
        return false;
      }
      set((state) => ({
        libraryCollections: state.libraryCollections.filter((collection) => collection.id !== id),
      }));
      if (get().libraryQuery.filters.collectionId === id) get().setLibraryFilters({ collectionId: null });
      return true;
    },

    trashLibraryImages: async (ids) => {
      if (ids.length === 0) return;
      get().patchLibraryItems(ids, () => null);
      get().deselectLibraryImages(ids);
      const detailId = get().libraryDetailId;
      if (detailId !== null && ids.includes(detailId)) get().closeLibraryDetail();
      const trashed = await api.library.trash({ ids });
      if (!trashed.ok) {
        get().notifyFailure(trashed.error);
        get().refreshLibrary();
        return;
      }
      get().notify({ key: 'toast.trashed', count: ids.length }, () => void get().restoreLibraryImages(ids));
    },

    restoreLibraryImages: async (ids) => {
      if (ids.length === 0) return;
      if (get().libraryQuery.filters.trashed) get().patchLibraryItems(ids, () => null);
      const restored = await api.library.restore({ ids });
      if (restored.ok) get().notify({ key: 'toast.restored', count: ids.length });
      else get().notifyFailure(restored.error);
      get().refreshLibrary();
    },

    emptyLibraryTrash: async () => {
      const emptied = await api.library.emptyTrash();
      if (!emptied.ok) {
        get().notifyFailure(emptied.error);
      } else {
        const { deleted, keptAsReferences } = emptied.value;
        get().notify(
          keptAsReferences > 0
            ? { key: 'toast.trashEmptiedKept', count: deleted, kept: keptAsReferences }
            : { key: 'toast.trashEmptied', count: deleted },
        );
      }
      get().refreshLibrary();
    },
  });
