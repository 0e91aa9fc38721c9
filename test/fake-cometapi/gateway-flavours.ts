/**
 * The two kinds of gateway the fake can be: CometAPI (its paths, its ids, its public model list with prices)
 * and a BytePlus/Volcengine Ark endpoint (`/api/v3/...`, BytePlus's ids, Ark's error shape and its
 * `ModelNotOpen`), so every gateway profile is tested against something that answers as it does.
 */
export type FakeFlavourName = 'cometapi' | 'ark';

export interface FakeFlavour {
  generationPath: string;
  /** The key check's listing (needs the key). */
  modelsPath: string;
  models: readonly string[];
  /** Models that answer 400 to sequence and stream fields, even "disabled". */
  noSequenceModels: ReadonlySet<string>;
  /** The public list at `/api/models` (no key), or null when this gateway publishes none. */
  publicList: readonly { id: string; perRequest: number | null }[] | null;
  /** The `type` of an error body, which differs between the two. */
  errorType: string;
}

const cometapiModels = [
  'doubao-seedream-5-0-260128',
  'doubao-seedream-4-5-251128',
  'doubao-seedream-4-0-250828',
  'seedream-5-0-pro-260628',
  'seedream-5-5-261028',
];

const arkModels = [
  'seedream-5-0-260128',
  'seedream-4-5-251128',
  'seedream-4-0-250828',
  'seedream-5-0-pro-260628',
  'seedream-5-0-flash-260915',
  'seedream-5-5-261028',
];

const noSequence = new Set(['seedream-5-0-pro-260628', 'seedream-5-0-flash-260915', 'seedream-5-5-261028']);

export const fakeFlavours: Record<FakeFlavourName, FakeFlavour> = {
  cometapi: {
    generationPath: '/v1/images/generations',
    modelsPath: '/v1/models',
    models: cometapiModels,
    noSequenceModels: noSequence,
    // 5.0 flash is left out on purpose: the app must say CometAPI does not offer it.
    publicList: [
      { id: 'doubao-seedream-5-0-260128', perRequest: 0.035 },
      { id: 'doubao-seedream-4-5-251128', perRequest: 0.04 },
      { id: 'doubao-seedream-4-0-250828', perRequest: 0.03 },
      { id: 'seedream-5-0-pro-260628', perRequest: 0.12 },
      { id: 'seedream-5-5-261028', perRequest: 0.035 },
      { id: 'gpt-image-2', perRequest: null },
    ],
    errorType: 'invalid_request_error',
  },
  ark: {
    generationPath: '/api/v3/images/generations',
    modelsPath: '/api/v3/models',
    models: arkModels,
    noSequenceModels: noSequence,
    publicList: null,
    errorType: 'BadRequest',
  },
};

/** The public catalogue as CometAPI documents it (https://apidoc.cometapi.com/overview/models.md). */
export function publicCatalogue(list: readonly { id: string; perRequest: number | null }[]): unknown {
  return {
    success: true,
    page: 0,
    page_size: 0,
    total: list.length,
    data: list.map(({ id, perRequest }) => ({
      id,
      provider: id.startsWith('gpt') ? 'OpenAI' : 'ByteDance',
      model_type: 'image',
      features: ['text-to-image'],
      pricing:
        perRequest === null
          ? { currency: 'USD / M Tokens', input: 4, output: 24, per_request: null, per_second: null }
          : { currency: 'USD', input: null, output: null, per_request: perRequest, per_second: null },
    })),
  };
}
