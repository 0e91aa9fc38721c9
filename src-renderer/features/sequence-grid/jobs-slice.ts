import type { StateCreator } from 'zustand';
import type { AppError } from '../../../src-preload/contract/errors';
import type { JobSnapshot } from '../../../src-preload/contract/ipc';
import { api, errorOf, unwrap } from '../../bridge';
import type { AppState } from '../../app/store';
import { isFinished, mergeSnapshot, mergeSnapshots, updateImage } from './jobs';

export interface JobsSlice {
  /** Jobs shown in the workspace, newest first. */
  jobs: JobSnapshot[];
  /** Finished jobs the user put away; kept so reloading the list does not bring them back. */
  dismissedJobIds: string[];
  jobActionError: AppError | null;
  loadJobs: () => Promise<void>;
  receiveSnapshot: (snapshot: JobSnapshot) => void;
  cancelJob: (jobId: string) => Promise<void>;
  dismissFinishedJobs: () => void;
  setImageFavorite: (imageId: number, favorite: boolean) => Promise<void>;
  copyImage: (imageId: number) => Promise<boolean>;
  dismissJobActionError: () => void;
}

export const createJobsSlice: StateCreator<AppState, [], [], JobsSlice> = (set, get) => {
  /** Runs a call to main; a failure is shown above the results and reported as `{ ok: false }`. */
  async function attempt<T>(action: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
    try {
      return { ok: true, value: await action() };
    } catch (thrown) {
      set({ jobActionError: errorOf(thrown) });
      return { ok: false };
    }
  }

  return {
    jobs: [],
    dismissedJobIds: [],
    jobActionError: null,
    loadJobs: async () => {
      const loaded = await attempt(() => unwrap(api.generation.jobs()));
      if (!loaded.ok) return;
      const dismissed = new Set(get().dismissedJobIds);
      const fresh = loaded.value.filter((job) => !dismissed.has(job.jobId));
      set((state) => ({ jobs: mergeSnapshots(state.jobs, fresh) }));
    },
    receiveSnapshot: (snapshot) => {
      if (get().dismissedJobIds.includes(snapshot.jobId)) return;
      set((state) => ({ jobs: mergeSnapshot(state.jobs, snapshot) }));
    },
    cancelJob: async (jobId) => {
      await attempt(() => unwrap(api.generation.cancel({ jobId })));
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
    setImageFavorite: async (imageId, favorite) => {
      const done = await attempt(() => unwrap(api.library.setFavorite({ ids: [imageId], favorite })));
      if (!done.ok) return;
      set((state) => ({ jobs: updateImage(state.jobs, imageId, (image) => ({ ...image, favorite })) }));
    },
    copyImage: async (imageId) => {
      const done = await attempt(() => unwrap(api.desktop.copyImage({ id: imageId })));
      return done.ok;
    },
    dismissJobActionError: () => {
      set({ jobActionError: null });
    },
  };
};
