import { z } from 'zod';
import { appError, AppFailure } from '../../src-preload/contract/errors';
import { gatewayOrigin } from '../../src-preload/contract/gateway';
import { gatewayProfile, type GatewayKind } from '../../src-preload/contract/gateway-profiles';
import type { BalanceStatus } from '../../src-preload/contract/ipc';
import type { Logger } from '../logging/logger';
import { readText, type HttpClient } from '../network/http-client';
import type { SecretStore } from '../keychain/secret-store';
import { SecretStoreUnavailable } from '../keychain/secret-store';

/**
 * CometAPI's quota service: `GET https://query.cometapi.com/user/quota?key=…`, on its own host, the key as a
 * query parameter; `total_quota` is the account's balance in USD. CometAPI recommends a dedicated key with a
 * quota of 0 for it, which can read the balance but not spend (https://apidoc.cometapi.com/tools/balance-api).
 */
const quotaSchema = z.object({ total_quota: z.number() }).loose();

/** The keychain account of the optional balance-only key, bound to the quota service's origin. */
export function balanceKeyAccount(origin: string): string {
  return `balance-key ${origin}`;
}

export interface BalanceOptions {
  http: HttpClient;
  store: SecretStore;
  /** The gateway in use: only a profile with a documented balance endpoint has a balance. */
  gatewayKind: () => GatewayKind;
  /** The user's opt-in; nothing is ever asked without it. */
  enabled: () => boolean;
  /** The gateway's own key, used when no balance-only key is saved. */
  gatewayKey: () => Promise<string>;
  /** The quota endpoint; the profile's documented one unless a development override names another. */
  quotaUrl?: string;
  log: Logger;
  now?: () => number;
}

export interface BalanceService {
  status(): Promise<BalanceStatus>;
  /** Asks the quota service again (when opted in), and says what it answered. */
  refresh(): Promise<BalanceStatus>;
  saveKey(key: string): Promise<BalanceStatus>;
  removeKey(): Promise<BalanceStatus>;
}

export function createBalanceService(options: BalanceOptions): BalanceService {
  const now = options.now ?? Date.now;
  let last: { remainingMicros: number; checkedAt: number } | null = null;
  let problem: string | null = null;

  const endpoint = (): string | null => options.quotaUrl ?? gatewayProfile(options.gatewayKind()).balanceUrl;
  const account = (): string | null => {
    const url = endpoint();
    const origin = url === null ? null : gatewayOrigin(url);
    return origin === null ? null : balanceKeyAccount(origin);
  };
  const separateKey = async (): Promise<string | null> => {
    const name = account();
    if (name === null) return null;
    try {
      return await options.store.get(name);
    } catch (error) {
      if (error instanceof SecretStoreUnavailable) return null;
      throw error;
    }
  };

  const status = async (): Promise<BalanceStatus> => {
    const key = await separateKey();
    return {
      available: endpoint() !== null,
      enabled: options.enabled(),
      separateKeyLast4: key === null ? null : key.slice(-4),
      remaining: last === null ? null : { micros: last.remainingMicros, currency: 'USD' },
      checkedAt: last?.checkedAt ?? null,
      problem,
    };
  };

  return {
    status,
    async refresh() {
      const url = endpoint();
      if (!options.enabled() || url === null) return status();
      let key: string;
      try {
        key = (await separateKey()) ?? (await options.gatewayKey());
      } catch (error) {
        problem = error instanceof AppFailure ? error.appError.message : 'No key to ask the balance with.';
        return status();
      }
      const target = new URL(url);
      target.searchParams.set('key', key);
      try {
        const exchange = await options.http.send({
          url: target.href,
          method: 'GET',
          headers: { accept: 'application/json' },
          signal: AbortSignal.timeout(15_000),
        });
        const text = await readText(exchange);
        const parsed = exchange.status === 200 ? quotaSchema.safeParse(JSON.parse(text)) : null;
        if (!parsed?.success) {
          problem = `The balance service answered HTTP ${exchange.status}.`;
        } else {
          last = { remainingMicros: Math.round(parsed.data.total_quota * 1_000_000), checkedAt: now() };
          problem = null;
        }
      } catch {
        // The address carries the key, so neither it nor an error that may quote it is ever logged.
        problem = 'The balance service could not be reached.';
      }
      if (problem !== null) options.log.warn(`balance check failed: ${problem}`);
      return status();
    },
    async saveKey(raw) {
      const key = raw.trim();
      const name = account();
      if (name === null) {
        throw new AppFailure(appError('invalid-input', 'This gateway has no balance service.'));
      }
      if (key.length < 8 || /\s/.test(key)) {
        throw new AppFailure(appError('invalid-input', 'That key does not look right. Paste it again.'));
      }
      try {
        await options.store.set(name, key);
      } catch (error) {
        if (error instanceof SecretStoreUnavailable)
          throw new AppFailure(appError('keychain-unavailable', error.message));
        throw error;
      }
      return status();
    },
    async removeKey() {
      const name = account();
      if (name !== null) await options.store.delete(name).catch(() => false);
      return status();
    },
  };
}
