import { requestedImageCount, type GenerationRequest } from '../../../src-preload/contract/generation';
import type { ModelOffer } from '../../../src-preload/contract/model-offer';
import { findModel } from '../../../src-preload/contract/models';
import { estimateCost, type Money } from '../../../src-preload/contract/pricing';

export interface RequestEstimate {
  money: Money;
  /** The most images the request can make. */
  images: number;
}

/** The most a request can cost at the price the gateway in use charges; null when that price is unknown. */
export function requestEstimate(
  request: GenerationRequest,
  referenceCount: number,
  offer: ModelOffer | null,
): RequestEstimate | null {
  const model = findModel(request.model);
  const price = offer?.models.find((candidate) => candidate.id === model?.id)?.price ?? null;
  if (!model || !price) return null;
  const images = requestedImageCount(model, request);
  return { money: estimateCost(price, images, referenceCount), images };
}
