import type { StateCreator } from 'zustand';
import type { JobSnapshot } from '../../../src-preload/contract/ipc';
import type { LibraryImage } from '../../../src-preload/contract/library-types';
import type { AppServices } from '../../app/services';
import type { AppState } from '../../app/store';
import { isFinished, mergeSnapshot, mergeSnapshots, missingImages, retryRequest, updateImage } from './jobs';

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
  /**
   * Sends a finished job's request again as a new job, with the same references: all of it, or only as many
   * images as it is missing (`onlyMissing`, for a sequence that saved some). Resolves whether it started.
   */
  retryJob: (jobId: string, onlyMissing: boolean) => Promise<boolean>;
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
    retryJob: async (jobId, onlyMissing) => {
      const job = get().jobs.find((candidate) => candidate.jobId === jobId);
      if (!job) return false;
      const request = onlyMissing ? retryRequest(job.request, missingImages(job)) : job.request;
      const started = await api.generation.start({ request, referenceIds: job.referenceIds });
      if (!started.ok) {
        get().notifyFailure(started.error);
        return false;
      }
      get().receiveSnapshot(started.value);
      return true;
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
