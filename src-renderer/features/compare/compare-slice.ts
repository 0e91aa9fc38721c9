import type { StateCreator } from 'zustand';
import type { AppError } from '../../../src-preload/contract/errors';
import type { AppServices } from '../../app/services';
import type { AppState } from '../../app/store';
import { currentRequest } from '../generate/generate-slice';

/** One model of a comparison: its job once started, or why it did not start. */
export interface ComparisonColumn {
  model: string;
  jobId: string | null;
  error: AppError | null;
}

export interface CompareSlice {
  comparison: ComparisonColumn[];
  /**
   * Sends the workspace's prompt and references to each model at once, as separate generations (siblings in the
   * library); their progress arrives as any job's does.
   */
  compareModels: (models: readonly string[]) => Promise<void>;
}

export const createCompareSlice =
  ({ api }: Pick<AppServices, 'api'>): StateCreator<AppState, [], [], CompareSlice> =>
  (set, get) => ({
    comparison: [],
    compareModels: async (models) => {
      const state = get();
      const base = currentRequest(state);
      const referenceIds = state.references.map((image) => image.id);
      const columns = await Promise.all(
        models.map(async (model): Promise<ComparisonColumn> => {
          const started = await api.generation.start({ request: { ...base, model }, referenceIds });
          if (!started.ok) return { model, jobId: null, error: started.error };
          get().receiveSnapshot(started.value);
          return { model, jobId: started.value.jobId, error: null };
        }),
      );
      set({ comparison: columns });
    },
  });
