import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../src-preload/contract/errors';
import { apiKeyAccount, createKeyService } from '../../src-main/keychain/key-service';
import {
  MemorySecretStore,
  SecretStoreUnavailable,
  type SecretStore,
} from '../../src-main/keychain/secret-store';
import { startFakeCometApi, type FakeCometApi } from '../fake-cometapi/fake-cometapi';

const problem = 'No keychain is available (test).';

/** A store that behaves like keytar on a machine without a Secret Service. */
const unavailableStore: SecretStore = {
  get: () => Promise.reject(new SecretStoreUnavailable(problem)),
  set: () => Promise.reject(new SecretStoreUnavailable(problem)),
  delete: () => Promise.reject(new SecretStoreUnavailable(problem)),
};

let fake: FakeCometApi;
beforeAll(async () => {
  fake = await startFakeCometApi();
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(() => {
  fake.reset();
});

function service(
  store: SecretStore = new MemorySecretStore(),
  env: Record<string, string> = {},
  baseUrl?: string,
) {
  return createKeyService({ store, env, baseUrl: () => baseUrl ?? fake.baseUrl });
}

describe('key service', () => {
  it('saves, replaces and removes a key in the store, exposing only its last four characters', async () => {
    const store = new MemorySecretStore();
    const keys = service(store);
    expect(await keys.status()).toEqual({
      source: 'none',
      last4: null,
      keychainAvailable: true,
      keychainProblem: null,
    });
    expect(await keys.save('  sk-first-key-0001  ')).toMatchObject({ source: 'keychain', last4: '0001' });
    expect(await store.get(apiKeyAccount)).toBe('sk-first-key-0001');
    expect(await keys.save('sk-second-key-0002')).toMatchObject({ source: 'keychain', last4: '0002' });
    expect(await keys.resolveKey()).toBe('sk-second-key-0002');
    expect(await keys.remove()).toMatchObject({ source: 'none', last4: null });
    expect(await store.get(apiKeyAccount)).toBeNull();
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

  it('lets COMETAPI_KEY override the stored key', async () => {
    const store = new MemorySecretStore();
    await store.set(apiKeyAccount, 'sk-stored-key-1111');
    const keys = service(store, { COMETAPI_KEY: 'sk-env-key-9999' });
    expect(await keys.status()).toMatchObject({ source: 'environment', last4: '9999' });
    expect(await keys.resolveKey()).toBe('sk-env-key-9999');
  });

  it('explains a missing keychain and offers a key for this session only', async () => {
    const keys = service(unavailableStore);
    expect(await keys.status()).toEqual({
      source: 'none',
      last4: null,
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
    expect(await keys.resolveKey()).toBe('sk-session-key-4242');
    expect(await keys.remove()).toMatchObject({ source: 'none' });
    await expect(keys.resolveKey()).rejects.toMatchObject({ appError: { code: 'key-missing' } });
  });

  it('tests the connection with a cheap authenticated request', async () => {
    const keys = service();
    await keys.save(fake.apiKey);
    expect(await keys.testConnection()).toEqual({
      ok: true,
      code: null,
      message: 'Connected to 127.0.0.1: the key works.',
    });
    expect(fake.stats.modelListings).toBe(1);
    expect(fake.stats.generationPosts).toBe(0);
  });

  it('reports a rejected key, a missing key and an unreachable gateway in plain words', async () => {
    const keys = service();
    expect(await keys.testConnection()).toMatchObject({ ok: false, code: 'key-missing' });
    await keys.save('sk-not-the-right-key');
    const rejected = await keys.testConnection();
    expect(rejected).toMatchObject({ ok: false, code: 'key-rejected' });
    expect(rejected.message).not.toContain('sk-not-the-right-key');
    const offline = service(new MemorySecretStore(), { COMETAPI_KEY: fake.apiKey }, 'http://127.0.0.1:1');
    expect(await offline.testConnection()).toMatchObject({ ok: false, code: 'offline' });
  });
});
