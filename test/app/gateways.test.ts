import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobSnapshot } from '../../src-preload/contract/ipc';
import { startFakeCometApi, type FakeCometApi } from '../fake-cometapi/fake-cometapi';
import { jobFinished, startAppHarness, type AppHarness } from './app-harness';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

async function fake(flavour: 'cometapi' | 'ark'): Promise<FakeCometApi> {
  const server = await startFakeCometApi({ flavour });
  open.push({ close: () => server.stop() });
  return server;
}

async function app(apiBaseUrl: string, userDataDir?: string): Promise<AppHarness> {
  const harness = await startAppHarness({ apiBaseUrl, ...(userDataDir ? { userDataDir } : {}) });
  open.push(harness);
  return harness;
}

const posts = (server: FakeCometApi) => server.stats.requests.filter((entry) => entry.method === 'POST');

async function generate(harness: AppHarness, model: string, prompt = 'a red kite'): Promise<JobSnapshot> {
  const first = await harness.value('generation:start', { request: { model, prompt }, referenceIds: [] });
  await jobFinished(harness, first.jobId);
  return (await harness.value('generation:jobs')).find((job) => job.jobId === first.jobId) ?? first;
}

describe('gateway profiles', () => {
  it('fill in the documented address of a profile, and leave a custom address alone', async () => {
    const comet = await fake('cometapi');
    const harness = await app(comet.baseUrl);
    expect(await harness.value('settings:update', { gatewayKind: 'byteplus' })).toMatchObject({
      gatewayKind: 'byteplus',
      apiBaseUrl: 'https://ark.ap-southeast.bytepluses.com',
    });
    expect(await harness.value('settings:update', { gatewayKind: 'volcengine' })).toMatchObject({
      apiBaseUrl: 'https://ark.cn-beijing.volces.com',
    });
    expect(await harness.value('settings:update', { gatewayKind: 'custom' })).toMatchObject({
      apiBaseUrl: 'https://ark.cn-beijing.volces.com',
    });
  });

  it('keep a key per gateway origin and send each gateway its own model ids and path', async () => {
    const comet = await fake('cometapi');
    const ark = await fake('ark');
    const harness = await app(comet.baseUrl);
    await harness.value('key:save', { key: comet.apiKey });
    await harness.value('settings:update', { gatewayKind: 'byteplus', apiBaseUrl: ark.baseUrl });
    expect(await harness.value('key:status')).toMatchObject({ source: 'none', gateway: ark.baseUrl });
    const missing = await harness.call('generation:start', {
      request: { model: 'doubao-seedream-4-5-251128', prompt: 'x' },
      referenceIds: [],
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'key-missing' } });
    expect(posts(ark)).toEqual([]);
    expect(posts(comet)).toEqual([]);

    await harness.value('key:save', { key: ark.apiKey });
    const done = await generate(harness, 'doubao-seedream-4-5-251128');
    expect(done.phase).toBe('done');
    expect(posts(ark)).toEqual([{ method: 'POST', path: '/api/v3/images/generations' }]);
    expect(ark.stats.bodies[0]?.model).toBe('seedream-4-5-251128');

    await harness.value('settings:update', { gatewayKind: 'cometapi', apiBaseUrl: comet.baseUrl });
    expect(await harness.value('key:status')).toMatchObject({
      source: 'keychain',
      last4: comet.apiKey.slice(-4),
    });
  });

  it('say in the gateway’s words what its errors mean', async () => {
    const ark = await fake('ark');
    const harness = await app(ark.baseUrl);
    await harness.value('settings:update', { gatewayKind: 'byteplus', apiBaseUrl: ark.baseUrl });
    await harness.value('key:save', { key: ark.apiKey });
    const done = await generate(harness, 'seedream-5-0-flash-260915', 'a kite [fake:model-not-open]');
    expect(done.error).toMatchObject({ code: 'forbidden', field: 'model' });
    expect(done.error?.message).toMatch(/not activated for your account on BytePlus ModelArk/);
  });
});

describe('the model list', () => {
  it('reads what CometAPI offers, with its prices, and refuses the rest before sending', async () => {
    const comet = await fake('cometapi');
    const harness = await app(comet.baseUrl);
    await harness.value('key:save', { key: comet.apiKey });
    const offer = await harness.value('models:offer', { refresh: true });
    expect(offer.source).toBe('live');
    const offered = offer.models.filter((model) => model.offered).map((model) => model.label);
    expect(offered).toEqual([
      'Seedream 5.0 lite',
      'Seedream 4.5',
      'Seedream 4.0',
      'Seedream 5.0 pro',
      'Seedream 5.5',
    ]);
    expect(comet.stats.requests.find((entry) => entry.path === '/api/models')).toBeDefined();

    const refused = await harness.call('generation:start', {
      request: { model: 'seedream-5-0-flash-260915', prompt: 'a kite' },
      referenceIds: [],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'model' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/CometAPI does not offer Seedream 5\.0 flash/);
    expect(posts(comet)).toEqual([]);
  });

  it('is cached for offline use, and falls back to the built-in table without one', async () => {
    const comet = await fake('cometapi');
    const userDataDir = await mkdtemp(join(tmpdir(), 'seedream-lists-'));
    open.push({ close: () => rm(userDataDir, { recursive: true, force: true }) });
    const first = await app(comet.baseUrl, userDataDir);
    await first.value('models:offer', { refresh: true });
    await first.close();
    open.splice(open.indexOf(first), 1);

    comet.setScenario({ publicModels: 'down' });
    const second = await app(comet.baseUrl, userDataDir);
    const cached = await second.value('models:offer', { refresh: true });
    expect(cached.source).toBe('cached');
    expect(cached.models.find((model) => model.label === 'Seedream 5.5')?.offered).toBe(true);

    const fresh = await app(comet.baseUrl);
    const builtIn = await fresh.value('models:offer', { refresh: true });
    expect(builtIn.source).toBe('built-in');
    expect(builtIn.models.find((model) => model.label === 'Seedream 5.5')?.offered).toBe(false);
    expect(builtIn.models.find((model) => model.label === 'Seedream 4.5')?.offered).toBe(true);
  });
});

describe('the key check', () => {
  it('asks each gateway at its own listing', async () => {
    const ark = await fake('ark');
    const harness = await app(ark.baseUrl);
    await harness.value('settings:update', { gatewayKind: 'volcengine', apiBaseUrl: ark.baseUrl });
    await harness.value('key:save', { key: 'sk-wrong-key-000000' });
    expect(await harness.value('key:test')).toMatchObject({
      ok: false,
      code: 'key-rejected',
      message: 'Volcengine Ark rejected the API key. Check or replace it in Settings.',
    });
    await harness.value('key:save', { key: ark.apiKey });
    expect(await harness.value('key:test')).toMatchObject({ ok: true });
    // (The app started as CometAPI and asked for CometAPI's public list once.)
    const checks = ark.stats.requests.filter((entry) => entry.path !== '/api/models');
    expect(checks.map((entry) => entry.path)).toEqual(['/api/v3/models', '/api/v3/models']);
  });
});

describe('transparent output', () => {
  it('keeps the alpha channel of a transparent PNG in the library and its preview', async () => {
    const comet = await fake('cometapi');
    const harness = await app(comet.baseUrl);
    await harness.value('key:save', { key: comet.apiKey });
    await harness.value('models:offer', { refresh: true });
    const request = {
      model: 'seedream-5-5-261028',
      prompt: 'a mug',
      size: '2K' as const,
      outputFormat: 'png' as const,
      background: 'transparent' as const,
    };
    const first = await harness.value('generation:start', { request, referenceIds: [] });
    await jobFinished(harness, first.jobId);
    expect(comet.stats.bodies[0]).toMatchObject({ background: 'transparent', output_format: 'png' });
    const done = (await harness.value('generation:jobs'))[0];
    const record = done?.slots[0]?.image;
    if (!record) throw new Error('nothing saved');
    const image = harness.library.images.image(record.id);
    if (!image) throw new Error('not in the library');
    const file = await sharp(harness.library.filePath(image)).metadata();
    expect(file).toMatchObject({ format: 'png', hasAlpha: true, channels: 4 });
    expect(await harness.library.thumbnails.ensure(image.sha256)).toBe(true);
    const preview = await sharp(harness.library.thumbnailPath(image, 256)).metadata();
    expect(preview).toMatchObject({ format: 'webp', hasAlpha: true });
  });
});
