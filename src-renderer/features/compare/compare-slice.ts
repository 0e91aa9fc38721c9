import type { StateCreator } from 'zustand';
import type { AppError } from '../../../src-preload/contract/errors';
import type { ModelChange } from '../../../src-preload/contract/model-switch';
import type { AppServices } from '../../app/services';
import type { AppState } from '../../app/store';
import { currentRequest } from '../generate/generate-slice';
import { comparisonPlans } from './comparison-plan';

/** One model of a comparison: its job once started, or why it did not start, and how its request differs. */
export interface ComparisonColumn {
  model: string;
  jobId: string | null;
  error: AppError | null;
  changes: ModelChange[];
}

export interface CompareSlice {
  comparison: ComparisonColumn[];
  /**
   * Sends the workspace's prompt and references to each model at once, as separate generations (siblings in the
   * library), each moved to what its model takes; their progress arrives as any job's does.
   */
  compareModels: (models: readonly string[]) => Promise<void>;
}

export const createCompareSlice =
  ({ api }: Pick<AppServices, 'api'>): StateCreator<AppState, [], [], CompareSlice> =>
  (set, get) => ({
    comparison: [],
    compareModels: async (models) => {
      const state = get();
      const referenceIds = state.references.map((image) => image.id);
      const plans = comparisonPlans(currentRequest(state), referenceIds.length, state.modelOffer).filter(
        (plan) => models.includes(plan.model),
      );
      const columns = await Promise.all(
        plans.map(async ({ model, request, keptReferences, changes }): Promise<ComparisonColumn> => {
          const started = await api.generation.start({
            request,
            referenceIds: referenceIds.slice(0, keptReferences),
          });
          if (!started.ok) return { model, jobId: null, error: started.error, changes };
          get().receiveSnapshot(started.value);
          return { model, jobId: started.value.jobId, error: null, changes };
        }),
      );
      set({ comparison: columns });
    },
  });
