import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../src-preload/contract/errors';
import {
  createKeyService,
  keyAccount,
  legacyKeyAccount,
  type KeyServiceOptions,
} from '../../src-main/keychain/key-service';
import {
  MemorySecretStore,
  SecretStoreUnavailable,
  type SecretStore,
} from '../../src-main/keychain/secret-store';
import { useFakeCometApi } from '../support/fake-cometapi-server';
import { useHttpClient } from '../support/http-client';

const problem = 'No keychain is available (test).';

/** A store that behaves like keytar on a machine without a Secret Service. */
const unavailableStore: SecretStore = {
  get: () => Promise.reject(new SecretStoreUnavailable(problem)),
  set: () => Promise.reject(new SecretStoreUnavailable(problem)),
  delete: () => Promise.reject(new SecretStoreUnavailable(problem)),
};

const api = useFakeCometApi();
const client = useHttpClient();

function service(
  store: SecretStore = new MemorySecretStore(),
  env: Record<string, string> = {},
  baseUrl?: string,
  extra: Partial<KeyServiceOptions> = {},
) {
  return createKeyService({
    http: client.http,
    store,
    env,
    baseUrl: () => baseUrl ?? api.fake.baseUrl,
    ...extra,
  });
}

/** A key service whose gateway the test moves, as Settings does. */
function movable(store: SecretStore, first: string, extra: Partial<KeyServiceOptions> = {}) {
  const gateway = { current: first };
  const keys = createKeyService({ http: client.http, store, baseUrl: () => gateway.current, ...extra });
  return { keys, gateway };
}

describe('key service', () => {
  it('saves, replaces and removes a key in the store, exposing only its last four characters', async () => {
    const store = new MemorySecretStore();
    const keys = service(store);
    const origin = api.fake.baseUrl;
    expect(await keys.status()).toEqual({
      source: 'none',
      last4: null,
      gateway: origin,
      keychainAvailable: true,
      keychainProblem: null,
    });
    expect(await keys.save('  sk-first-key-0001  ')).toMatchObject({ source: 'keychain', last4: '0001' });
    expect(await store.get(keyAccount(origin))).toBe('sk-first-key-0001');
    expect(await keys.save('sk-second-key-0002')).toMatchObject({ source: 'keychain', last4: '0002' });
    expect(await keys.connection()).toEqual({ baseUrl: api.fake.baseUrl, apiKey: 'sk-second-key-0002' });
    expect(await keys.remove()).toMatchObject({ source: 'none', last4: null });
    expect(await store.get(keyAccount(origin))).toBeNull();
  });

  it('refuses keys that cannot be right, without echoing them', async () => {
    const keys = service();
    for (const bad of ['sk-ab12', 'sk-has space-inside', `sk-${'x'.repeat(600)}`]) {
      await expect(keys.save(bad)).rejects.toSatisfy(
        (error: unknown) =>
          error instanceof AppFailure && !error.message.includes(bad) && error.appError.field === 'key',
      );
    }
  });

  it('binds a saved key to the gateway origin it was saved for, and finds it again on the way back', async () => {
    const store = new MemorySecretStore();
    const { keys, gateway } = movable(store, 'https://api.cometapi.com/v1');
    await keys.save('sk-comet-key-1111');
    gateway.current = 'https://gw.example';
    expect(await keys.status()).toMatchObject({ source: 'none', gateway: 'https://gw.example' });
    const missing = await keys.connection().catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(AppFailure);
    expect((missing as AppFailure).appError).toMatchObject({ code: 'key-missing' });
    expect((missing as AppFailure).message).toContain('No API key is saved for https://gw.example');
    await keys.save('sk-gateway-key-2222');
    expect(await keys.connection()).toEqual({ baseUrl: 'https://gw.example', apiKey: 'sk-gateway-key-2222' });
    // Same origin, other path or spelling: the same key.
    gateway.current = 'https://API.cometapi.com:443';
    expect(await keys.connection()).toEqual({
      baseUrl: 'https://API.cometapi.com:443',
      apiKey: 'sk-comet-key-1111',
    });
    expect(await keys.remove()).toMatchObject({ source: 'none' });
    gateway.current = 'https://gw.example';
    expect(await keys.status()).toMatchObject({ source: 'keychain', last4: '2222' });
  });

  it('keeps session-only keys per gateway too', async () => {
    const { keys, gateway } = movable(new MemorySecretStore(), 'http://127.0.0.1:1');
    await keys.save('sk-session-key-3333', { sessionOnly: true });
    gateway.current = 'http://127.0.0.2:1';
    expect(await keys.status()).toMatchObject({ source: 'none' });
    gateway.current = 'http://127.0.0.1:1/v1';
    expect(await keys.status()).toMatchObject({ source: 'session', last4: '3333' });
  });

  it('uses COMETAPI_KEY for its own gateway only: CometAPI, or the one the environment names', async () => {
    const store = new MemorySecretStore();
    await store.set(keyAccount('https://gw.example'), 'sk-stored-key-1111');
    const env = { COMETAPI_KEY: 'sk-env-key-9999' };
    const { keys, gateway } = movable(store, 'https://api.cometapi.com', { env });
    expect(await keys.status()).toMatchObject({ source: 'environment', last4: '9999' });
    gateway.current = 'https://gw.example';
    expect(await keys.connection()).toMatchObject({ apiKey: 'sk-stored-key-1111' });
    gateway.current = 'http://127.0.0.1:9';
    expect(await keys.status()).toMatchObject({ source: 'none' });

    const named = movable(store, api.fake.baseUrl, { env, environmentGateway: api.fake.baseUrl });
    expect(await named.keys.connection()).toEqual({ baseUrl: api.fake.baseUrl, apiKey: 'sk-env-key-9999' });
    named.gateway.current = 'https://api.cometapi.com';
    expect(await named.keys.status()).toMatchObject({ source: 'none' });
  });

  it('moves the key of an older version to the gateway configured at start, whatever is set later', async () => {
    const store = new MemorySecretStore();
    await store.set(legacyKeyAccount, 'sk-legacy-key-5555');
    const { keys, gateway } = movable(store, 'https://gw.example', {
      legacyGateway: 'https://api.cometapi.com',
    });
    // The renderer changed the address before the first key lookup: the old key still goes to CometAPI.
    expect(await keys.status()).toMatchObject({ source: 'none', gateway: 'https://gw.example' });
    gateway.current = 'https://api.cometapi.com';
    expect(await keys.status()).toMatchObject({ source: 'keychain', last4: '5555' });
    expect(await store.get(legacyKeyAccount)).toBeNull();
    expect(await store.get(keyAccount('https://api.cometapi.com'))).toBe('sk-legacy-key-5555');
  });

  it('never lets an old unbound key replace a key already saved for that gateway', async () => {
    const store = new MemorySecretStore();
    await store.set(legacyKeyAccount, 'sk-legacy-key-5555');
    await store.set(keyAccount('https://api.cometapi.com'), 'sk-newer-key-6666');
    const keys = service(store, {}, 'https://api.cometapi.com', {
      legacyGateway: 'https://api.cometapi.com',
    });
    expect(await keys.status()).toMatchObject({ source: 'keychain', last4: '6666' });
    expect(await store.get(legacyKeyAccount)).toBeNull();
  });

  it('explains a missing keychain and offers a key for this session only', async () => {
    const keys = service(unavailableStore);
    expect(await keys.status()).toEqual({
      source: 'none',
      last4: null,
      gateway: api.fake.baseUrl,
      keychainAvailable: false,
      keychainProblem: problem,
    });
    await expect(keys.save('sk-session-key-4242')).rejects.toMatchObject({
      appError: { code: 'keychain-unavailable', message: problem },
    });
    expect(await keys.save('sk-session-key-4242', { sessionOnly: true })).toMatchObject({
      source: 'session',
      last4: '4242',
      keychainAvailable: false,
    });
    expect(await keys.connection()).toMatchObject({ apiKey: 'sk-session-key-4242' });
    expect(await keys.remove()).toMatchObject({ source: 'none' });
    await expect(keys.connection()).rejects.toMatchObject({ appError: { code: 'key-missing' } });
  });

  it('tests the connection with a cheap authenticated request', async () => {
    const keys = service();
    await keys.save(api.fake.apiKey);
    expect(await keys.testConnection()).toEqual({
      ok: true,
      code: null,
      message: 'Connected to 127.0.0.1: the key works.',
    });
    expect(api.fake.stats.modelListings).toBe(1);
    expect(api.fake.stats.generationPosts).toBe(0);
  });

  it('reports a rejected key, a missing key and an unreachable gateway in plain words', async () => {
    const keys = service();
    expect(await keys.testConnection()).toMatchObject({ ok: false, code: 'key-missing' });
    await keys.save('sk-not-the-right-key');
    const rejected = await keys.testConnection();
    expect(rejected).toMatchObject({ ok: false, code: 'key-rejected' });
    expect(rejected.message).not.toContain('sk-not-the-right-key');
    const offline = service(
      new MemorySecretStore(),
      { COMETAPI_KEY: api.fake.apiKey },
      'http://127.0.0.1:1',
      {
        environmentGateway: 'http://127.0.0.1:1',
      },
    );
    expect(await offline.testConnection()).toMatchObject({ ok: false, code: 'offline' });
  });

  it('saves a new key only after the gateway accepts it, and never one it rejects', async () => {
    const store = new MemorySecretStore();
    const keys = service(store);
    const rejected = await keys.verifyAndSave('sk-not-the-right-key', { saveUnverified: true });
    expect(rejected).toMatchObject({ saved: false, check: { ok: false, code: 'key-rejected' } });
    expect(rejected.status).toMatchObject({ source: 'none' });
    expect(await store.get(keyAccount(api.fake.baseUrl))).toBeNull();
    expect(JSON.stringify(rejected)).not.toContain('sk-not-the-right-key');

    const accepted = await keys.verifyAndSave(`  ${api.fake.apiKey}  `);
    expect(accepted).toMatchObject({
      saved: true,
      check: { ok: true },
      status: { source: 'keychain', last4: api.fake.apiKey.slice(-4) },
    });
    expect(await store.get(keyAccount(api.fake.baseUrl))).toBe(api.fake.apiKey);
    expect(api.fake.stats.modelListings).toBe(2);
    expect(api.fake.stats.generationPosts).toBe(0);
  });

  it('keeps a checked key for the session only when asked', async () => {
    const store = new MemorySecretStore();
    const keys = service(store);
    const verified = await keys.verifyAndSave(api.fake.apiKey, { sessionOnly: true });
    expect(verified).toMatchObject({ saved: true, status: { source: 'session' } });
    expect(await store.get(keyAccount(api.fake.baseUrl))).toBeNull();
  });

  it('saves a key the gateway could not check only when the user asks for it', async () => {
    const store = new MemorySecretStore();
    const offline = service(store, {}, 'http://127.0.0.1:1');
    const unchecked = await offline.verifyAndSave('sk-offline-key-5555');
    expect(unchecked).toMatchObject({ saved: false, check: { ok: false, code: 'offline' } });
    expect(await store.get(keyAccount('http://127.0.0.1:1'))).toBeNull();
    const anyway = await offline.verifyAndSave('sk-offline-key-5555', { saveUnverified: true });
    expect(anyway).toMatchObject({ saved: true, status: { source: 'keychain', last4: '5555' } });
  });

  it('gives up on a gateway that does not answer, and explains it as a timeout', async () => {
    api.fake.setScenario({ modelListing: 'stall' });
    const store = new MemorySecretStore();
    const keys = service(store, {}, undefined, { testTimeoutMs: 300 });
    const stalled = await keys.verifyAndSave(api.fake.apiKey);
    expect(stalled).toMatchObject({ saved: false, check: { ok: false, code: 'timeout' } });
    expect(await store.get(keyAccount(api.fake.baseUrl))).toBeNull();
  });

  it('keeps a key the gateway knows even when the account has no credit left', async () => {
    api.fake.setScenario({ modelListing: { status: 402 } });
    const keys = service();
    expect(await keys.verifyAndSave(api.fake.apiKey)).toMatchObject({
      saved: true,
      check: { ok: false, code: 'no-credit' },
    });
  });

  it('refuses a malformed key before sending anything', async () => {
    const keys = service();
    await expect(keys.verifyAndSave('sk bad key with spaces')).rejects.toMatchObject({
      appError: { code: 'invalid-input', field: 'key' },
    });
    expect(api.fake.stats.modelListings).toBe(0);
  });
});
