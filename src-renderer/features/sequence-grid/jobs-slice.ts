import type { StateCreator } from 'zustand';
import type { JobSnapshot } from '../../../src-preload/contract/ipc';
import type { LibraryImage } from '../../../src-preload/contract/library-types';
import type { AppServices } from '../../app/services';
import type { AppState } from '../../app/store';
import { isFinished, mergeSnapshot, mergeSnapshots, updateImage } from './jobs';

export interface JobsSlice {
  /** Jobs shown in the workspace, newest first. */
  jobs: JobSnapshot[];
  /** Finished jobs the user put away; kept so reloading the list does not bring them back. */
  dismissedJobIds: string[];
  loadJobs: () => Promise<void>;
  receiveSnapshot: (snapshot: JobSnapshot) => void;
  /** Follows every snapshot main sends from now on; returns the function that stops following. */
  watchJobs: () => () => void;
  cancelJob: (jobId: string) => Promise<void>;
  dismissFinishedJobs: () => void;
  /** Changes saved images wherever a job shows them (a favorite toggled from a tile or the library). */
  patchJobImages: (ids: readonly number[], change: (image: LibraryImage) => LibraryImage) => void;
}

export const createJobsSlice =
  ({ api }: Pick<AppServices, 'api'>): StateCreator<AppState, [], [], JobsSlice> =>
  (set, get) => ({
    jobs: [],
    dismissedJobIds: [],
    loadJobs: async () => {
      const loaded = await api.generation.jobs();
      if (!loaded.ok) {
        get().notifyFailure(loaded.error);
        return;
      }
      const dismissed = new Set(get().dismissedJobIds);
      const fresh = loaded.value.filter((job) => !dismissed.has(job.jobId));
      set((state) => ({ jobs: mergeSnapshots(state.jobs, fresh) }));
    },
    receiveSnapshot: (snapshot) => {
      if (get().dismissedJobIds.includes(snapshot.jobId)) return;
      set((state) => ({ jobs: mergeSnapshot(state.jobs, snapshot) }));
    },
    watchJobs: () =>
      api.on('generation:progress', (snapshot) => {
        get().receiveSnapshot(snapshot);
      }),
    cancelJob: async (jobId) => {
      const cancelled = await api.generation.cancel({ jobId });
      if (!cancelled.ok) get().notifyFailure(cancelled.error);
    },
    dismissFinishedJobs: () => {
      set((state) => ({
        jobs: state.jobs.filter((job) => !isFinished(job)),
        dismissedJobIds: [
          ...state.dismissedJobIds,
          ...state.jobs.filter((job) => isFinished(job)).map((job) => job.jobId),
        ],
      }));
    },
    patchJobImages: (ids, change) => {
      set((state) => ({ jobs: ids.reduce((jobs, id) => updateImage(jobs, id, change), state.jobs) }));
    },
  });
