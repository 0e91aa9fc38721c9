import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { gatewayProfile, type GatewayKind } from '../../src-preload/contract/gateway-profiles';
import {
  gatewayListingSchema,
  offerFor,
  type GatewayListing,
  type ListedModel,
  type ModelOffer,
} from '../../src-preload/contract/model-offer';
import { modelCatalogue, type ModelInfo } from '../../src-preload/contract/models';
import type { Logger } from '../logging/logger';
import { readText, type HttpClient } from '../network/http-client';
import { joinBaseUrl } from '../network/raw-url';

/**
 * CometAPI's public catalogue (`GET /api/models`, no Authorization header): `data[].id` and `pricing.per_request`
 * in USD for models billed per call, null for token-billed ones (https://apidoc.cometapi.com/overview/models.md).
 * Unknown fields are ignored, and an entry that does not parse is skipped rather than failing the list.
 */
const publicListSchema = z.object({
  data: z.array(z.unknown()),
});
const publicEntrySchema = z
  .object({
    id: z.string().min(1).max(200),
    pricing: z.object({ per_request: z.number().nonnegative().nullish() }).loose().nullish(),
  })
  .loose();

export function parsePublicModelList(text: string): ListedModel[] {
  const list = publicListSchema.parse(JSON.parse(text));
  return list.data.flatMap((raw) => {
    const entry = publicEntrySchema.safeParse(raw);
    if (!entry.success) return [];
    const perRequest = entry.data.pricing?.per_request;
    return [
      {
        id: entry.data.id,
        perImageMicros: perRequest == null ? null : Math.round(perRequest * 1_000_000),
      },
    ];
  });
}

const cacheSchema = z.record(z.string(), gatewayListingSchema);

export interface ModelListOptions {
  http: HttpClient;
  /** The gateway in use now. */
  gateway: () => { baseUrl: string; kind: GatewayKind };
  cacheFile: string;
  log: Logger;
  catalogue?: readonly ModelInfo[];
  now?: () => number;
  timeoutMs?: number;
}

export interface ModelListService {
  /** What the gateway in use offers, from this session's list, the cached one, or the built-in table. */
  offer(): ModelOffer;
  /**
   * Reads the gateway's public list again (when it publishes one) and caches it. A failure keeps what was
   * known before and is logged; the offer says where its facts come from.
   */
  refresh(): Promise<ModelOffer>;
}

export function createModelListService(options: ModelListOptions): ModelListService {
  const catalogue = options.catalogue ?? modelCatalogue;
  const now = options.now ?? Date.now;
  const live = new Map<string, GatewayListing>();

  const readCache = (): Record<string, GatewayListing> => {
    try {
      const parsed = cacheSchema.safeParse(JSON.parse(readFileSync(options.cacheFile, 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  };

  const writeCache = (listing: GatewayListing): void => {
    const cache = { ...readCache(), [listing.baseUrl]: listing };
    mkdirSync(dirname(options.cacheFile), { recursive: true });
    const temp = `${options.cacheFile}.tmp`;
    writeFileSync(temp, JSON.stringify(cache));
    renameSync(temp, options.cacheFile);
  };

  const offer = (): ModelOffer => {
    const { baseUrl, kind } = options.gateway();
    const profile = gatewayProfile(kind);
    if (profile.publicModelListPath === null) return offerFor(catalogue, profile, null);
    const fresh = live.get(baseUrl);
    if (fresh) return offerFor(catalogue, profile, { ...fresh, source: 'live' });
    const cached = readCache()[baseUrl];
    return offerFor(catalogue, profile, cached ? { ...cached, source: 'cached' } : null);
  };

  return {
    offer,
    async refresh() {
      const { baseUrl, kind } = options.gateway();
      const path = gatewayProfile(kind).publicModelListPath;
      if (path === null) return offer();
      try {
        const exchange = await options.http.send({
          url: joinBaseUrl(baseUrl, path),
          method: 'GET',
          headers: { accept: 'application/json' },
          signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
        });
        const text = await readText(exchange, 8 * 1_048_576);
        if (exchange.status !== 200) throw new Error(`HTTP ${exchange.status}`);
        const listing = { baseUrl, fetchedAt: now(), models: parsePublicModelList(text) };
        live.set(baseUrl, listing);
        writeCache(listing);
      } catch (error) {
        options.log.warn(
          `model list of ${baseUrl} not read: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      return offer();
    },
  };
}
