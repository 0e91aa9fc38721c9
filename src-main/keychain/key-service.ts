import { appError, AppFailure } from '../../src-preload/contract/errors';
import { defaultGatewayUrl, gatewayOrigin } from '../../src-preload/contract/gateway';
import { gatewayProfiles, type GatewayProfile } from '../../src-preload/contract/gateway-profiles';
import type { ConnectionTest, KeyStatus, KeyVerification } from '../../src-preload/contract/ipc';
import { mapApiFailure, mapTransportFailure, parseProviderError } from '../generation/api-errors';
import { readText, type HttpClient } from '../network/http-client';
import { abortedCode, TransportError } from '../network/transport-error';
import { joinBaseUrl, splitRawUrl } from '../network/raw-url';
import { redactKey } from '../generation/redact-key';
import { SecretStoreUnavailable, type SecretStore } from './secret-store';

/**
 * The account of the keychain entry (service "Seedream Studio") that holds the key for one gateway origin, so
 * a key saved for one address is never found, let alone sent, for another.
 */
export function keyAccount(origin: string): string {
  return `api-key ${origin}`;
}

/** The single entry of versions before keys were bound to a gateway; moved at first use (see `migrate`). */
export const legacyKeyAccount = 'cometapi-api-key';

/** A key for headless runs and CI; it belongs to `environmentGateway` only. */
const apiKeyEnvironmentVariable = 'COMETAPI_KEY';

export interface KeyServiceOptions {
  store: SecretStore;
  /** Sends the key test; the same client as the generations, so it sees the same proxy and certificates. */
  http: HttpClient;
  /** The API base URL in use now (it can change in Settings). */
  baseUrl: () => string;
  /** Its profile: where the key is checked, and the gateway's name in messages (CometAPI by default). */
  gateway?: () => GatewayProfile;
  /** Read for COMETAPI_KEY only. */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * The gateway COMETAPI_KEY is for: CometAPI's own address unless the same environment or command line names
   * another. Never the address in Settings, which the renderer can change.
   */
  environmentGateway?: string;
  /**
   * The gateway the user had configured when this process started: a key saved by an older version, for no
   * gateway in particular, becomes that gateway's key. Fixed at start, before the renderer can change anything.
   */
  legacyGateway?: string;
  testTimeoutMs?: number;
}

/** A gateway and the key that belongs to it, read together so neither can change in between. */
export interface Connection {
  baseUrl: string;
  apiKey: string;
}

/**
 * Owns the API keys inside main. Callers outside main get only `KeyStatus` (source, last four characters and
 * the gateway it is for). Every key is bound to the origin of the gateway it was saved for; `connection` is the
 * only way to get one, and it pairs it with that gateway. No message produced here ever contains a key.
 */
export interface KeyService {
  status(): Promise<KeyStatus>;
  /** Saves the key for the gateway in use now. */
  save(key: string, options?: { sessionOnly?: boolean }): Promise<KeyStatus>;
  /** Forgets the key of the gateway in use now; keys of other gateways stay. */
  remove(): Promise<KeyStatus>;
  connection(): Promise<Connection>;
  testConnection(): Promise<ConnectionTest>;
  /**
   * Checks a key the user has not saved yet against the gateway in use now (the only place it will ever be
   * sent), and saves it when the gateway accepts it. A key the gateway rejects (401) is never saved; one that
   * could not be checked (offline, a timeout, a server error) is saved only when `saveUnverified` says so.
   */
  verifyAndSave(
    key: string,
    options?: { sessionOnly?: boolean; saveUnverified?: boolean },
  ): Promise<KeyVerification>;
}

/** The gateway knows the key: it answered, or it refused only for lack of credit. */
function keyAccepted(check: ConnectionTest): boolean {
  return check.ok || check.code === 'no-credit';
}

function keyProblem(key: string): string | undefined {
  if (key.length < 8) return 'That key looks too short.';
  if (key.length > 500) return 'That key looks too long.';
  if (Array.from(key).some((char) => char.charCodeAt(0) <= 0x20 || char.charCodeAt(0) === 0x7f)) {
    return 'A key has no spaces or line breaks inside it. Paste it again.';
  }
  return undefined;
}

/** The key as it will be stored: trimmed, or refused with the reason. */
function validKey(rawKey: string): string {
  const key = rawKey.trim();
  const problem = keyProblem(key);
  if (problem) throw new AppFailure(appError('invalid-input', problem, { field: 'key' }));
  return key;
}

function lastFour(key: string): string {
  return key.slice(-4);
}

/** The origin of a gateway address; main only ever holds validated addresses, so a failure is a bug. */
function originOf(baseUrl: string): string {
  const origin = gatewayOrigin(baseUrl);
  if (origin === null) {
    throw new AppFailure(appError('invalid-input', 'The gateway address is not a valid URL.'));
  }
  return origin;
}

export function createKeyService(options: KeyServiceOptions): KeyService {
  const { store } = options;
  const env = options.env ?? {};
  const environmentOrigin = gatewayOrigin(options.environmentGateway ?? defaultGatewayUrl);
  const sessionKeys = new Map<string, string>();
  let migrated: Promise<void> | undefined;

  const environmentKey = (origin: string): string | undefined => {
    const value = env[apiKeyEnvironmentVariable]?.trim();
    return value === undefined || value === '' || origin !== environmentOrigin ? undefined : value;
  };

  /** Moves the old unbound entry to the gateway configured at start; retried while the keychain is away. */
  const migrate = (): Promise<void> => {
    migrated ??= (async () => {
      const legacy = await store.get(legacyKeyAccount);
      if (legacy === null) return;
      const origin = gatewayOrigin(options.legacyGateway ?? defaultGatewayUrl);
      if (origin !== null && (await store.get(keyAccount(origin))) === null) {
        await store.set(keyAccount(origin), legacy);
      }
      await store.delete(legacyKeyAccount);
    })().catch((error: unknown) => {
      migrated = undefined;
      throw error;
    });
    return migrated;
  };

  const readKeychain = async (origin: string): Promise<{ key: string | null; problem: string | null }> => {
    try {
      await migrate();
      return { key: await store.get(keyAccount(origin)), problem: null };
    } catch (error) {
      if (error instanceof SecretStoreUnavailable) return { key: null, problem: error.message };
      throw error;
    }
  };

  const statusFor = async (origin: string): Promise<KeyStatus> => {
    const keychain = await readKeychain(origin);
    const common = {
      gateway: origin,
      keychainAvailable: keychain.problem === null,
      keychainProblem: keychain.problem,
    };
    const fromEnvironment = environmentKey(origin);
    if (fromEnvironment) return { source: 'environment', last4: lastFour(fromEnvironment), ...common };
    const session = sessionKeys.get(origin);
    if (session) return { source: 'session', last4: lastFour(session), ...common };
    if (keychain.key) return { source: 'keychain', last4: lastFour(keychain.key), ...common };
    return { source: 'none', last4: null, ...common };
  };

  const keyFor = async (origin: string): Promise<string> => {
    const fromEnvironment = environmentKey(origin);
    if (fromEnvironment) return fromEnvironment;
    const session = sessionKeys.get(origin);
    if (session) return session;
    const keychain = await readKeychain(origin);
    if (keychain.key) return keychain.key;
    const hint = keychain.problem ? ` ${keychain.problem}` : '';
    throw new AppFailure(
      appError(
        'key-missing',
        `No API key is saved for ${origin}. A key is only ever sent to the gateway it was saved for, so add the key for this gateway in Settings.${hint}`,
      ),
    );
  };

  const connection = async (): Promise<Connection> => {
    const baseUrl = options.baseUrl();
    return { baseUrl, apiKey: await keyFor(originOf(baseUrl)) };
  };

  /** One cheap authenticated request (the model list); the answer in plain words, never quoting the key. */
  const probe = async (target: Connection): Promise<ConnectionTest> => {
    const profile = options.gateway?.() ?? gatewayProfiles.cometapi;
    const url = joinBaseUrl(target.baseUrl, profile.keyCheckPath);
    const host = splitRawUrl(url)?.hostname ?? target.baseUrl;
    try {
      const exchange = await options.http.send({
        url,
        method: 'GET',
        headers: { authorization: `Bearer ${target.apiKey}`, accept: 'application/json' },
        signal: AbortSignal.timeout(options.testTimeoutMs ?? 15_000),
      });
      const status = exchange.status;
      const body = await readText(exchange);
      if (status >= 200 && status < 300) {
        return { ok: true, code: null, message: `Connected to ${host}: the key works.` };
      }
      const error = redactKey(
        mapApiFailure(status, parseProviderError(body), undefined, profile.label),
        target.apiKey,
      );
      return { ok: false, code: error.code, message: error.message };
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      const mapped = mapTransportFailure(error, error.code === abortedCode ? 'timeout' : undefined);
      return { ok: false, code: mapped.code, message: redactKey(mapped, target.apiKey).message };
    }
  };

  const testConnection = async (): Promise<ConnectionTest> => {
    let target: Connection;
    try {
      target = await connection();
    } catch (error) {
      if (error instanceof AppFailure)
        return { ok: false, code: error.appError.code, message: error.appError.message };
      throw error;
    }
    return probe(target);
  };

  const save = async (rawKey: string, saveOptions: { sessionOnly?: boolean } = {}): Promise<KeyStatus> => {
    const origin = originOf(options.baseUrl());
    const key = validKey(rawKey);
    if (saveOptions.sessionOnly) {
      sessionKeys.set(origin, key);
      return statusFor(origin);
    }
    try {
      await migrate();
      await store.set(keyAccount(origin), key);
    } catch (error) {
      if (error instanceof SecretStoreUnavailable)
        throw new AppFailure(appError('keychain-unavailable', error.message));
      throw error;
    }
    sessionKeys.delete(origin);
    return statusFor(origin);
  };

  const verifyAndSave: KeyService['verifyAndSave'] = async (rawKey, verifyOptions = {}) => {
    const baseUrl = options.baseUrl();
    const key = validKey(rawKey);
    const check = await probe({ baseUrl, apiKey: key });
    const saved =
      keyAccepted(check) || (check.code !== 'key-rejected' && verifyOptions.saveUnverified === true);
    const status = saved
      ? await save(key, { sessionOnly: verifyOptions.sessionOnly })
      : await statusFor(originOf(baseUrl));
    return { check, saved, status };
  };

  return {
    status: () => statusFor(originOf(options.baseUrl())),
    connection,
    testConnection,
    save,
    verifyAndSave,
    async remove() {
      const origin = originOf(options.baseUrl());
      sessionKeys.delete(origin);
      try {
        await migrate();
        await store.delete(keyAccount(origin));
      } catch (error) {
        if (!(error instanceof SecretStoreUnavailable)) throw error;
      }
      return statusFor(origin);
    },
  };
}
