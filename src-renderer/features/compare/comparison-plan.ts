import type { GenerationRequest } from '../../../src-preload/contract/generation';
import type { ModelOffer } from '../../../src-preload/contract/model-offer';
import { switchModel, type ModelChange } from '../../../src-preload/contract/model-switch';
import { modelCatalogue } from '../../../src-preload/contract/models';
import { requestEstimate, type RequestEstimate } from '../pricing/estimate';

/** What one model of a comparison would be sent, and what that may cost. */
export interface ComparisonPlan {
  model: string;
  label: string;
  /** The workspace's request moved to this model, as the model picker moves it. */
  request: GenerationRequest;
  keptReferences: number;
  /** What the move changed ("size 4K became 2K"), so each column says what it was really asked. */
  changes: ModelChange[];
  /** False when the gateway in use does not sell the model; null while its offer is unknown. */
  offered: boolean | null;
  estimate: RequestEstimate | null;
}

/**
 * The request each catalogue model would get: the workspace's, moved through the same switch as the model picker,
 * so a comparison never sends a model what it would refuse (a 4K size, 14 references, a sequence).
 */
export function comparisonPlans(
  base: GenerationRequest,
  referenceCount: number,
  offer: ModelOffer | null,
): ComparisonPlan[] {
  return modelCatalogue.map((model) => {
    const moved = switchModel(base, referenceCount, model);
    const offered = offer?.models.find((candidate) => candidate.id === model.id)?.offered ?? null;
    return {
      model: model.id,
      label: model.label,
      request: moved.request,
      keptReferences: moved.keptReferences,
      changes: moved.changes,
      offered: offer === null ? null : (offered ?? false),
      estimate: requestEstimate(moved.request, moved.keptReferences, offer),
    };
  });
}
