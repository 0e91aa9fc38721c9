import { appError, AppFailure } from '../../src-preload/contract/errors';
import type { ConnectionTest, KeyStatus } from '../../src-preload/contract/ipc';
import { mapApiFailure, mapTransportFailure, parseProviderError } from '../generation/api-errors';
import { abortedCode, readSmallBody, sendHttpRequest, TransportError } from '../generation/http-transport';
import { joinBaseUrl, splitRawUrl } from '../generation/raw-url';
import { redactKey } from '../generation/redact-key';
import { SecretStoreUnavailable, type SecretStore } from './secret-store';

/** The keychain entry's account name, under the service "Seedream Studio". */
export const apiKeyAccount = 'cometapi-api-key';
/** Overrides every stored key, for headless runs and CI. */
const apiKeyEnvironmentVariable = 'COMETAPI_KEY';

export interface KeyServiceOptions {
  store: SecretStore;
  /** The API base URL in use now (it can change in Settings). */
  baseUrl: () => string;
  env?: Readonly<Record<string, string | undefined>>;
  testTimeoutMs?: number;
}

/**
 * Owns the API key inside main. Callers outside main get only `KeyStatus` (source and last four characters);
 * `resolveKey` is for the engine. No message produced here ever contains the key.
 */
export interface KeyService {
  status(): Promise<KeyStatus>;
  save(key: string, options?: { sessionOnly?: boolean }): Promise<KeyStatus>;
  remove(): Promise<KeyStatus>;
  resolveKey(): Promise<string>;
  testConnection(): Promise<ConnectionTest>;
}

function keyProblem(key: string): string | undefined {
  if (key.length < 8) return 'That key looks too short.';
  if (key.length > 500) return 'That key looks too long.';
  if (Array.from(key).some((char) => char.charCodeAt(0) <= 0x20 || char.charCodeAt(0) === 0x7f)) {
    return 'A key has no spaces or line breaks inside it. Paste it again.';
  }
  return undefined;
}

function lastFour(key: string): string {
  return key.slice(-4);
}

export function createKeyService(options: KeyServiceOptions): KeyService {
  const env = options.env ?? process.env;
  let sessionKey: string | undefined;

  const environmentKey = (): string | undefined => {
    const value = env[apiKeyEnvironmentVariable]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };

  const readKeychain = async (): Promise<{ key: string | null; problem: string | null }> => {
    try {
      return { key: await options.store.get(apiKeyAccount), problem: null };
    } catch (error) {
      if (error instanceof SecretStoreUnavailable) return { key: null, problem: error.message };
      throw error;
    }
  };

  const status = async (): Promise<KeyStatus> => {
    const keychain = await readKeychain();
    const common = { keychainAvailable: keychain.problem === null, keychainProblem: keychain.problem };
    const fromEnvironment = environmentKey();
    if (fromEnvironment) return { source: 'environment', last4: lastFour(fromEnvironment), ...common };
    if (sessionKey) return { source: 'session', last4: lastFour(sessionKey), ...common };
    if (keychain.key) return { source: 'keychain', last4: lastFour(keychain.key), ...common };
    return { source: 'none', last4: null, ...common };
  };

  const resolveKey = async (): Promise<string> => {
    const fromEnvironment = environmentKey();
    if (fromEnvironment) return fromEnvironment;
    if (sessionKey) return sessionKey;
    const keychain = await readKeychain();
    if (keychain.key) return keychain.key;
    const hint = keychain.problem ? ` ${keychain.problem}` : '';
    throw new AppFailure(appError('key-missing', `No API key is set. Add one in Settings.${hint}`));
  };

  const testConnection = async (): Promise<ConnectionTest> => {
    let key: string;
    try {
      key = await resolveKey();
    } catch (error) {
      if (error instanceof AppFailure)
        return { ok: false, code: error.appError.code, message: error.appError.message };
      throw error;
    }
    const url = joinBaseUrl(options.baseUrl(), '/v1/models');
    const host = splitRawUrl(url)?.hostname ?? options.baseUrl();
    try {
      const exchange = await sendHttpRequest({
        url,
        method: 'GET',
        headers: { authorization: `Bearer ${key}`, accept: 'application/json' },
        signal: AbortSignal.timeout(options.testTimeoutMs ?? 15_000),
      });
      const status = exchange.response.statusCode ?? 0;
      const body = await readSmallBody(exchange);
      if (status >= 200 && status < 300) {
        return { ok: true, code: null, message: `Connected to ${host}: the key works.` };
      }
      const error = redactKey(mapApiFailure(status, parseProviderError(body)), key);
      return { ok: false, code: error.code, message: error.message };
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      const mapped = mapTransportFailure(error, error.code === abortedCode ? 'timeout' : undefined);
      return { ok: false, code: mapped.code, message: mapped.message };
    }
  };

  return {
    status,
    resolveKey,
    testConnection,
    async save(rawKey, saveOptions = {}) {
      const key = rawKey.trim();
      const problem = keyProblem(key);
      if (problem) throw new AppFailure(appError('invalid-input', problem, { field: 'key' }));
      if (saveOptions.sessionOnly) {
        sessionKey = key;
        return status();
      }
      try {
        await options.store.set(apiKeyAccount, key);
      } catch (error) {
        if (error instanceof SecretStoreUnavailable)
          throw new AppFailure(appError('keychain-unavailable', error.message));
        throw error;
      }
      sessionKey = undefined;
      return status();
    },
    async remove() {
      sessionKey = undefined;
      try {
        await options.store.delete(apiKeyAccount);
      } catch (error) {
        if (!(error instanceof SecretStoreUnavailable)) throw error;
      }
      return status();
    },
  };
}
