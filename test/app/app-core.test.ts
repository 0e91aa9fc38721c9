import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../src-preload/contract/ipc';
import { generationRequestSchema } from '../../src-preload/contract/generation';
import { createAppCore, type AppCore } from '../../src-main/app/app-core';
import { openAppLibrary } from '../../src-main/app/app-library';
import { MemorySecretStore } from '../../src-main/keychain/secret-store';
import { useFakeCometApi } from '../support/fake-cometapi-server';
import { startFakeCometApi } from '../fake-cometapi/fake-cometapi';
import { createRecordingDesktop, type RecordingDesktop } from '../e2e/support/recording-desktop';
import { silentLogger } from '../../src-main/logging/logger';
import { nativeCodec } from '../support/codecs';
import { directRoute, testTls } from '../support/http-client';
import { startTestProxy } from '../support/test-proxy';

const api = useFakeCometApi({ scenario: { count: 2 } });
let core: AppCore;
let desktop: RecordingDesktop;
let userDataDir: string;
const events: { event: EventName; payload: unknown }[] = [];

beforeEach(async () => {
  userDataDir = mkdtempSync(join(tmpdir(), 'app-core-'));
  desktop = createRecordingDesktop(null);
  events.length = 0;
  core = createAppCore({
    userDataDir,
    env: { COMETAPI_KEY: api.fake.apiKey },
    apiBaseUrlOverride: api.fake.baseUrl,
    secretStore: new MemorySecretStore(),
    library: await openAppLibrary({ userDataDir, codec: nativeCodec }),
    mediaUrl: (relativePath) => `media:///${relativePath}`,
    desktop,
    codec: nativeCodec,
    emit: (event, payload) => events.push({ event, payload }),
    log: silentLogger,
    systemLocale: 'en-US',
    network: { systemProxy: directRoute, certificates: () => [] },
  });
});

afterEach(async () => {
  await core.close();
  rmSync(userDataDir, { recursive: true, force: true });
});

async function runJob(prompt: string) {
  const request = generationRequestSchema.parse({
    model: 'doubao-seedream-4-5-251128',
    prompt,
    sequential: 'auto',
    maxImages: 2,
  });
  const first = await core.handlers['generation:start']({ request, referenceIds: [] });
  await expect
    .poll(() => events.some((e) => e.event === 'generation:progress' && isDone(e.payload, first.jobId)), {
      timeout: 20_000,
    })
    .toBe(true);
  return first.jobId;
}

function isDone(payload: unknown, jobId: string): boolean {
  const snapshot = payload as { jobId: string; finishedAt: number | null };
  return snapshot.jobId === jobId && snapshot.finishedAt !== null;
}

describe('app core', () => {
  it('shows dock progress while a job runs, clears it after, and announces the end to the OS', async () => {
    await runJob('two lanterns over a river');
    const progress = desktop.calls.flatMap((call) => (call.kind === 'progress' ? [call.fraction] : []));
    expect(progress.some((fraction) => fraction !== null && fraction > 0 && fraction <= 1)).toBe(true);
    expect(progress.at(-1)).toBeNull();
    const notices = desktop.calls.filter((call) => call.kind === 'notify');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      title: 'Images ready',
      body: expect.stringContaining('2 of 2 saved') as unknown,
    });
  });

  it('speaks the language chosen in Settings in OS notifications', async () => {
    await core.handlers['settings:update']({ language: 'zh-CN' });
    await runJob('两只灯笼');
    const notice = desktop.calls.find((call) => call.kind === 'notify');
    expect(notice).toMatchObject({ title: '图像已就绪', body: '已保存 2 / 2：两只灯笼' });
  });

  it('hands the renderer media URLs, never file paths, and tells it the library changed', async () => {
    const jobId = await runJob('a paper crane');
    const last = events.filter((e) => e.event === 'generation:progress').at(-1)?.payload as {
      jobId: string;
      slots: { image: { src: string; thumbSrc: string } | null }[];
    };
    expect(last.jobId).toBe(jobId);
    for (const slot of last.slots) {
      expect(slot.image?.src).toMatch(/^media:\/\/\/files\//);
      expect(JSON.stringify(slot.image)).not.toContain(userDataDir);
    }
    expect(events.some((e) => e.event === 'library:changed')).toBe(true);
    const page = await core.handlers['library:list']({ filter: {}, sort: 'newest', cursor: null, limit: 10 });
    expect(page.total).toBe(2);
  });
});

describe('diagnostics', () => {
  it('tell versions, OS and library counts, and never the key', async () => {
    await runJob('a lighthouse');
    const text = await core.diagnostics({
      appVersion: '0.1.0',
      versions: { electron: '45.1.0', chrome: '142.0', node: '22.20.0' },
      os: { platform: 'linux', release: '6.1.0', arch: 'x64', locale: 'en-US' },
      packaged: true,
      logsDir: '/home/me/.config/Seedream Studio/logs',
    });
    expect(text).toContain('Seedream Studio 0.1.0');
    expect(text).toContain('Electron 45.1.0');
    expect(text).toContain('Image codec: native');
    expect(text).toMatch(/Library: 2 images/);
    expect(text).toContain('API key: environment');
    expect(text).not.toContain(api.fake.apiKey);
    expect(text).not.toContain(api.fake.apiKey.slice(-4));
  });
});

describe('app core networking', () => {
  it('shows which proxy the gateway is reached through, and sends the key test through the manual one', async () => {
    const secure = await startFakeCometApi({ tls: testTls });
    const proxy = await startTestProxy({ credentials: { user: 'me', password: 'pw' } });
    const securedDataDir = mkdtempSync(join(tmpdir(), 'app-core-proxy-'));
    const secured = createAppCore({
      userDataDir: securedDataDir,
      env: {},
      secretStore: new MemorySecretStore(),
      library: await openAppLibrary({ userDataDir: securedDataDir, codec: nativeCodec }),
      mediaUrl: (relativePath) => `media:///${relativePath}`,
      desktop,
      codec: nativeCodec,
      emit: () => undefined,
      log: silentLogger,
      systemLocale: 'en-US',
      network: {
        systemProxy: () => Promise.resolve({ kind: 'proxy', url: 'http://user:secret@system.corp:3128' }),
        certificates: () => [testTls.cert],
      },
    });
    try {
      const gateway = `https://api.fake.test:${secure.port}`;
      expect(await secured.handlers['network:status'](undefined)).toEqual({
        source: 'system',
        proxy: 'http://system.corp:3128',
        problem: null,
      });
      await secured.handlers['settings:update']({
        apiBaseUrl: gateway,
        proxyMode: 'manual',
        proxyUrl: proxy.url,
      });
      // A key belongs to the gateway it is saved for: this one gets its own.
      await secured.handlers['key:save']({ key: secure.apiKey, sessionOnly: false });
      expect(await secured.handlers['network:status'](undefined)).toEqual({
        source: 'manual',
        proxy: `http://127.0.0.1:${proxy.port}`,
        problem: null,
      });
      expect(await secured.handlers['key:test'](undefined)).toMatchObject({ ok: true });
      // The key test, and the gateway's model list read once the key was saved, both go through the manual proxy.
      expect(new Set(proxy.stats.tunnels)).toEqual(new Set([`api.fake.test:${secure.port}`]));
      expect(secure.stats.modelListings).toBe(1);
    } finally {
      await secured.close();
      await proxy.close();
      await secure.stop();
      rmSync(securedDataDir, { recursive: true, force: true });
    }
  });
});
