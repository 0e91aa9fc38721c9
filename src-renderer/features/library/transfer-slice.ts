import type { StateCreator } from 'zustand';
import type { ImportedFile } from '../../../src-preload/contract/ipc';
import type { AppServices } from '../../app/services';
import type { AppState } from '../../app/store';
import type { ReadImages } from '../../dom/read-files';
import { importBatches } from './import-batches';

/** The import channel takes at most this many files per call. */
export const importBatch = 500;

/** Images in and out of the library, and checking its files against the catalog. */
export interface TransferSlice {
  exportLibraryImages: (ids: number[]) => Promise<void>;
  /** Sends what was read in calls main accepts; files refused before reading are reported with the rest. */
  importLibraryFiles: (read: ReadImages) => Promise<void>;
  checkLibrary: () => Promise<void>;
}

export const createTransferSlice =
  ({ api }: Pick<AppServices, 'api'>): StateCreator<AppState, [], [], TransferSlice> =>
  (_set, get) => ({
    exportLibraryImages: async (ids) => {
      if (ids.length === 0) return;
      const exported = await api.library.export({ ids });
      if (!exported.ok) {
        get().notifyFailure(exported.error);
        return;
      }
      // Null: the user closed the folder picker.
      if (!exported.value) return;
      const { count, folder } = exported.value;
      const skipped = exported.value.skipped.length;
      get().notify(
        skipped > 0
          ? { key: 'toast.exportedSkipped', count, folder, skipped }
          : { key: 'toast.exported', count, folder },
      );
    },

    importLibraryFiles: async ({ files, refused }) => {
      const outcomes: ImportedFile[] = refused.map(({ name, message }) => ({
        name,
        image: null,
        duplicate: false,
        error: { code: 'invalid-input', message },
      }));
      for (const batch of importBatches(files, importBatch)) {
        const imported = await api.library.import({ files: batch });
        if (!imported.ok) {
          get().notifyFailure(imported.error);
          break;
        }
        outcomes.push(...imported.value);
      }
      const imported = outcomes.filter((outcome) => outcome.image !== null && !outcome.duplicate).length;
      const duplicates = outcomes.filter((outcome) => outcome.duplicate).length;
      if (duplicates > 0) {
        get().notify({ key: 'toast.importedDuplicates', count: imported, duplicates });
      } else if (imported > 0) {
        get().notify({ key: 'toast.imported', count: imported });
      }
      const failed = outcomes.filter((outcome) => outcome.error !== null);
      const [first] = failed;
      if (first?.error) {
        get().notify({
          key: 'toast.importFailed',
          count: failed.length,
          name: first.name,
          message: first.error.message,
        });
      }
    },

    checkLibrary: async () => {
      const checked = await api.library.check({ full: true });
      if (checked.ok) {
        const report = checked.value;
        get().notify({
          key: 'toast.checked',
          count: report.missingFiles + report.orphanFiles + report.wrongHashes,
        });
      } else {
        get().notifyFailure(checked.error);
      }
      get().refreshLibrary();
    },
  });
