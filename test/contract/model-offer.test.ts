import { describe, expect, it } from 'vitest';
import { gatewayProfiles } from '../../src-preload/contract/gateway-profiles';
import { offerFor, offeredIds } from '../../src-preload/contract/model-offer';
import { modelCatalogue } from '../../src-preload/contract/models';

const offered = (offer: ReturnType<typeof offerFor>) => offeredIds(offer).modelIds;

describe('what a gateway offers', () => {
  it('without a list: the models with a documented id there', () => {
    expect(offered(offerFor(modelCatalogue, gatewayProfiles.cometapi, null))).toEqual([
      'doubao-seedream-5-0-260128',
      'doubao-seedream-4-5-251128',
      'doubao-seedream-4-0-250828',
    ]);
    expect(offered(offerFor(modelCatalogue, gatewayProfiles.byteplus, null))).toHaveLength(6);
    expect(offered(offerFor(modelCatalogue, gatewayProfiles.volcengine, null))).toHaveLength(3);
  });

  it('with a list: what it names, at the price it publishes', () => {
    const offer = offerFor(modelCatalogue, gatewayProfiles.cometapi, {
      source: 'live',
      fetchedAt: 5,
      models: [
        { id: 'seedream-5-5-261028', perImageMicros: 32_000 },
        { id: 'doubao-seedream-4-5-251128', perImageMicros: null },
      ],
    });
    expect(offered(offer)).toEqual(['doubao-seedream-4-5-251128', 'seedream-5-5-261028']);
    const v55 = offer.models.find((model) => model.id === 'seedream-5-5-261028');
    expect(v55?.price).toMatchObject({ perImageMicros: 32_000, perReferenceMicros: 8_000 });
    expect(
      offer.models.find((model) => model.id === 'doubao-seedream-4-5-251128')?.price?.perImageMicros,
    ).toBe(40_000);
    expect(offer).toMatchObject({ source: 'live', fetchedAt: 5, gateway: 'CometAPI' });
  });

  it('prices in the gateway currency', () => {
    const offer = offerFor(modelCatalogue, gatewayProfiles.volcengine, null);
    expect(offer.models.find((model) => model.offered)?.price?.currency).toBe('CNY');
  });
});
