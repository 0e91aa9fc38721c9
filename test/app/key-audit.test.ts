import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { GenerationRequestInput } from '../../src-preload/contract/generation';
import { keyAccount, legacyKeyAccount } from '../../src-main/keychain/key-service';
import { MemorySecretStore } from '../../src-main/keychain/secret-store';
import { useFakeCometApi } from '../support/fake-cometapi-server';
import { startAppHarness, type AppHarness } from './app-harness';

/** A loopback server that records every request it gets, headers and body, and answers 401. */
interface Listener {
  baseUrl: string;
  requests: string[];
  close(): Promise<void>;
}

async function startListener(): Promise<Listener> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push(
        `${req.method ?? ''} ${req.url ?? ''}\n${JSON.stringify(req.headers)}\n${Buffer.concat(chunks).toString('latin1')}`,
      );
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"error":{"message":"who are you?","code":"AuthenticationError"}}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

const api = useFakeCometApi({ freshEachTest: false });
let listener: Listener;
let app: AppHarness | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
  await listener.close();
});

const requests: GenerationRequestInput[] = [
  { model: 'doubao-seedream-4-5-251128', prompt: 'a lighthouse' },
  {
    model: 'doubao-seedream-4-5-251128',
    prompt: 'a sequence',
    sequential: 'auto',
    maxImages: 3,
    stream: true,
  },
  { model: 'doubao-seedream-4-0-250828', prompt: 'inline images', responseFormat: 'b64_json' },
];

/** Does everything the renderer can do that reaches the network, against whatever gateway is set now. */
async function callEveryNetworkChannel(harness: AppHarness, referenceId: number, generationId: number) {
  const outcomes: unknown[] = [];
  outcomes.push(await harness.call('key:status'));
  outcomes.push(await harness.call('key:test'));
  outcomes.push(await harness.call('key:verify', { key: 'sk-candidate-key-8888' }));
  for (const request of requests) {
    outcomes.push(await harness.call('generation:start', { request, referenceIds: [] }));
    outcomes.push(await harness.call('generation:start', { request, referenceIds: [referenceId] }));
  }
  const remix = await harness.call('generation:remix', { generationId });
  outcomes.push(remix);
  if (remix.ok) {
    const { request } = remix.value as { request: GenerationRequestInput };
    outcomes.push(await harness.call('generation:start', { request, referenceIds: [referenceId] }));
  }
  return outcomes;
}

/** Runs one finished generation on the real gateway, so remix has something to send again. */
async function generateOnce(harness: AppHarness): Promise<{ referenceId: number; generationId: number }> {
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a6' } })
    .png()
    .toBuffer();
  const { image } = await harness.value('references:add', { name: 'ref.png', bytes: new Uint8Array(png) });
  const started = await harness.value('generation:start', {
    request: { model: 'doubao-seedream-4-5-251128', prompt: 'first' },
    referenceIds: [image.id],
  });
  return { referenceId: image.id, generationId: started.generationId };
}

function leaks(secrets: readonly string[]): string[] {
  return listener.requests.filter((request) => secrets.some((secret) => request.includes(secret)));
}

describe('the API key goes only where it was saved for', () => {
  it('never sends a key saved in Settings to a gateway the renderer points at afterwards', async () => {
    listener = await startListener();
    app = await startAppHarness({ apiBaseUrl: api.fake.baseUrl });
    await app.value('key:save', { key: api.fake.apiKey });
    expect(await app.value('key:test')).toMatchObject({ ok: true });
    const { referenceId, generationId } = await generateOnce(app);

    await app.value('settings:update', { apiBaseUrl: listener.baseUrl });
    expect(await app.value('key:status')).toMatchObject({ source: 'none', gateway: listener.baseUrl });
    const outcomes = await callEveryNetworkChannel(app, referenceId, generationId);
    expect(leaks([api.fake.apiKey])).toEqual([]);
    expect(JSON.stringify(outcomes)).not.toContain(api.fake.apiKey);
    expect(outcomes).toContainEqual({
      ok: false,
      error: expect.objectContaining({ code: 'key-missing' }) as unknown,
    });

    // The listener is reachable: a key saved for it does arrive, so the silence above means something.
    await app.value('key:save', { key: 'sk-listener-own-key-7777' });
    expect(await app.value('key:test')).toMatchObject({ ok: false, code: 'key-rejected' });
    expect(listener.requests.some((request) => request.includes('sk-listener-own-key-7777'))).toBe(true);
    expect(leaks([api.fake.apiKey])).toEqual([]);

    // Back on the original gateway, its key is found again.
    await app.value('settings:update', { apiBaseUrl: api.fake.baseUrl });
    expect(await app.value('key:status')).toMatchObject({
      source: 'keychain',
      last4: api.fake.apiKey.slice(-4),
    });
    expect(await app.value('key:test')).toMatchObject({ ok: true });
  });

  it('keeps COMETAPI_KEY, session keys and a key saved by an older version with their own gateway', async () => {
    listener = await startListener();
    const secretStore = new MemorySecretStore();
    await secretStore.set(legacyKeyAccount, 'sk-legacy-key-from-v0-1111');
    app = await startAppHarness({
      apiBaseUrl: api.fake.baseUrl,
      env: { COMETAPI_KEY: 'sk-environment-key-2222' },
      secretStore,
    });
    await app.value('key:save', { key: 'sk-session-key-3333', sessionOnly: true });
    const { referenceId, generationId } = await generateOnce(app);

    await app.value('settings:update', { apiBaseUrl: listener.baseUrl });
    await callEveryNetworkChannel(app, referenceId, generationId);
    expect(leaks(['sk-legacy-key-from-v0-1111', 'sk-environment-key-2222', 'sk-session-key-3333'])).toEqual(
      [],
    );
    // The old key became the key of the gateway configured when the app started.
    expect(await secretStore.get(keyAccount(api.fake.baseUrl))).toBe('sk-legacy-key-from-v0-1111');
    expect(await secretStore.get(legacyKeyAccount)).toBeNull();
  });

  it('refuses to point the gateway at plain http on another computer', async () => {
    listener = await startListener();
    app = await startAppHarness({ apiBaseUrl: api.fake.baseUrl });
    const refused = await app.call('settings:update', { apiBaseUrl: 'http://attacker.example:8080' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'apiBaseUrl' } });
    expect(await app.value('settings:get')).toMatchObject({ apiBaseUrl: api.fake.baseUrl });
  });
});
