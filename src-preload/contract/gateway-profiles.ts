import { z } from 'zod';
import { defaultGatewayUrl } from './gateway';

/**
 * The gateways that sell Seedream. A profile says how to talk to one: where it lives by default, the path of
 * the generation endpoint under its base address, which model ids it uses (see model-table.ts), where it
 * publishes its model list, and the currency it bills in. The address itself stays a setting
 * (`apiBaseUrl`), so the key stays bound to the origin the user saved it for (gateway.ts, key-service.ts).
 */
export const gatewayKinds = ['cometapi', 'byteplus', 'volcengine', 'custom'] as const;
export const gatewayKindSchema = z.enum(gatewayKinds);
export type GatewayKind = z.infer<typeof gatewayKindSchema>;

export const currencies = ['USD', 'CNY'] as const;
export type Currency = (typeof currencies)[number];

export interface GatewayProfile {
  kind: GatewayKind;
  label: string;
  /** The documented address, filled in when the user picks the profile; null for a custom address. */
  defaultBaseUrl: string | null;
  /** Appended to the base address for `POST` generations. */
  generationPath: string;
  /** The listing that needs the key, which checks it (`GET`). */
  keyCheckPath: string;
  /**
   * A public model list with prices (no key sent), or null when the gateway publishes none: Ark's
   * `GET /api/v3/models` needs the key and carries no prices, so the built-in table is used instead.
   */
  publicModelListPath: string | null;
  /** Which column of the model table names the models here. */
  modelIdsOf: Exclude<GatewayKind, 'custom'>;
  currency: Currency;
  /** The documented balance endpoint (another host, the key as a query parameter), or null. */
  balanceUrl: string | null;
}

/**
 * Sources:
 * - CometAPI: base https://api.cometapi.com, `POST /v1/images/generations`
 *   (https://apidoc.cometapi.com/api/image/seededit-seedream/bytedance-image-generation); public catalogue with
 *   pricing at `GET /api/models`, no Authorization header (https://apidoc.cometapi.com/overview/models.md);
 *   balance at `GET https://query.cometapi.com/user/quota?key=…`, USD (https://apidoc.cometapi.com/tools/balance-api).
 * - BytePlus ModelArk: https://ark.ap-southeast.bytepluses.com, `POST /api/v3/images/generations`, bearer key
 *   (https://docs.getbifrost.ai/providers/supported-providers/byteplus,
 *   https://tanstack.com/ai/latest/docs/adapters/byteplus-advanced.md). BytePlus lists prices in USD.
 * - Volcengine Ark: https://ark.cn-beijing.volces.com, `POST /api/v3/images/generations`
 *   (https://clawhub.ai/api/v1/skills/seedream-volcengine/file?path=references%2FREFERENCE.md, citing
 *   https://www.volcengine.com/docs/82379/1541523); billed in CNY.
 * - Custom: any OpenAI-compatible address; it is assumed to use CometAPI's model ids and path, the common
 *   convention of resellers, and to bill in USD (the docs of an unknown gateway are, by definition, silent).
 */
export const gatewayProfiles: Readonly<Record<GatewayKind, GatewayProfile>> = {
  cometapi: {
    kind: 'cometapi',
    label: 'CometAPI',
    defaultBaseUrl: defaultGatewayUrl,
    generationPath: '/v1/images/generations',
    keyCheckPath: '/v1/models',
    publicModelListPath: '/api/models',
    modelIdsOf: 'cometapi',
    currency: 'USD',
    balanceUrl: 'https://query.cometapi.com/user/quota',
  },
  byteplus: {
    kind: 'byteplus',
    label: 'BytePlus ModelArk',
    defaultBaseUrl: 'https://ark.ap-southeast.bytepluses.com',
    generationPath: '/api/v3/images/generations',
    keyCheckPath: '/api/v3/models',
    publicModelListPath: null,
    modelIdsOf: 'byteplus',
    currency: 'USD',
    balanceUrl: null,
  },
  volcengine: {
    kind: 'volcengine',
    label: 'Volcengine Ark',
    defaultBaseUrl: 'https://ark.cn-beijing.volces.com',
    generationPath: '/api/v3/images/generations',
    keyCheckPath: '/api/v3/models',
    publicModelListPath: null,
    modelIdsOf: 'volcengine',
    currency: 'CNY',
    balanceUrl: null,
  },
  custom: {
    kind: 'custom',
    label: 'Custom (OpenAI-compatible)',
    defaultBaseUrl: null,
    generationPath: '/v1/images/generations',
    keyCheckPath: '/v1/models',
    publicModelListPath: null,
    modelIdsOf: 'cometapi',
    currency: 'USD',
    balanceUrl: null,
  },
};

export function gatewayProfile(kind: GatewayKind): GatewayProfile {
  return gatewayProfiles[kind];
}
