import { z } from 'zod';
import type { GatewayProfile } from './gateway-profiles';
import type { ModelInfo, Price } from './models';

/** One model as a gateway's own list names it, with the price it publishes per image when it does. */
export const listedModelSchema = z.object({
  id: z.string().min(1).max(200),
  /** Per image in the gateway's currency, in millionths; null when the list gives no per-request price. */
  perImageMicros: z.number().int().nonnegative().nullable(),
});
export type ListedModel = z.infer<typeof listedModelSchema>;

/** A gateway's model list as last read, kept on disk for offline use. */
export const gatewayListingSchema = z.object({
  /** The gateway address it was read from: a list is never applied to another gateway. */
  baseUrl: z.string(),
  fetchedAt: z.number().int().nonnegative(),
  models: z.array(listedModelSchema),
});
export type GatewayListing = z.infer<typeof gatewayListingSchema>;

export interface OfferedModel {
  /** The catalogue id (what requests name). */
  id: string;
  label: string;
  /** The id sent to this gateway; null when the gateway does not sell the model. */
  gatewayId: string | null;
  offered: boolean;
  /** The price in force here: the gateway's published one when its list gives it, else the list price. */
  price: Price | null;
}

export interface ModelOffer {
  gateway: string;
  /** Where the availability comes from: the gateway's list just now, the list cached earlier, or the table. */
  source: 'live' | 'cached' | 'built-in';
  fetchedAt: number | null;
  models: OfferedModel[];
}

/**
 * Which catalogue models a gateway offers, and at what price. With the gateway's own list, a model is offered
 * when the list names its id there; without one, when the table has a documented id for that gateway (models
 * whose id there is undocumented wait for a list that names them).
 */
export function offerFor(
  catalogue: readonly ModelInfo[],
  profile: GatewayProfile,
  listing: { models: readonly ListedModel[]; source: 'live' | 'cached'; fetchedAt: number } | null,
): ModelOffer {
  const listed = new Map(listing?.models.map((entry) => [entry.id, entry]));
  const models = catalogue.map((model): OfferedModel => {
    const gatewayId = model.ids[profile.modelIdsOf] ?? null;
    const listPrice = model.listPrices.find((price) => price.currency === profile.currency) ?? null;
    if (gatewayId === null) {
      return { id: model.id, label: model.label, gatewayId, offered: false, price: listPrice };
    }
    if (listing === null) {
      const documented = !model.unconfirmedOn.includes(profile.modelIdsOf);
      return { id: model.id, label: model.label, gatewayId, offered: documented, price: listPrice };
    }
    const entry = listed.get(gatewayId);
    const published =
      entry?.perImageMicros != null && listPrice !== null
        ? { ...listPrice, perImageMicros: entry.perImageMicros }
        : listPrice;
    return { id: model.id, label: model.label, gatewayId, offered: entry !== undefined, price: published };
  });
  return {
    gateway: profile.label,
    source: listing?.source ?? 'built-in',
    fetchedAt: listing?.fetchedAt ?? null,
    models,
  };
}

/** The catalogue ids offered, as `validateGenerationRequest` takes them. */
export function offeredIds(offer: ModelOffer): { modelIds: string[]; gateway: string } {
  return {
    modelIds: offer.models.filter((model) => model.offered).map((model) => model.id),
    gateway: offer.gateway,
  };
}
