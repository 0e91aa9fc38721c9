import { describe, expect, it } from 'vitest';
import { downloadResult } from '../../src-main/generation/download';
import { runGeneration, type EngineEvent } from '../../src-main/generation/run-generation';
import { engineOptions, filesIn, quickPolicy, recordingSleep, request, useFakeApi } from './harness';
import { failureOf } from '../support/failure-of';
import { startFakeCometApi, type FakeCometApi } from '../fake-cometapi/fake-cometapi';
import { testTls } from '../support/http-client';
import { sha256File } from '../support/sha256-file';

const api = useFakeApi();

/** Generates one image and returns its link without downloading it (a failing first download is queued). */
async function issueOneLink(): Promise<string> {
  const scenario = { downloads: [{ kind: 'status' as const, status: 404 }] };
  api.fake.setScenario(scenario);
  await runGeneration(engineOptions(api, []));
  const [url] = api.fake.issuedUrls;
  if (!url) throw new Error('no link issued');
  api.fake.setScenario({});
  api.fake.stats.downloads = 0;
  return url;
}

describe('downloadResult', () => {
  it('fetches a signed link byte for byte, as the library does to resume after a restart', async () => {
    const url = await issueOneLink();
    expect(url).toContain('%2F');
    expect(url).toContain('&');
    const image = await downloadResult(url, {
      http: api.http,
      tmpDir: api.tmpDir,
      expiresAt: Date.now() + 60_000,
    });
    expect(image).toMatchObject({ format: 'jpeg', width: 96, height: 64 });
    expect(await sha256File(image.tmpPath)).toBe(image.sha256);
    expect(api.fake.stats.generatedSha256).toContain(image.sha256);
    expect(api.fake.stats.downloadAuthorization.every((header) => header === undefined)).toBe(true);
  });

  it('is refused when the link is normalised or decoded on the way', async () => {
    const url = await issueOneLink();
    const normalised = new URL(url).href;
    expect(normalised).not.toBe(url);
    for (const mangled of [normalised, url.replaceAll('%2F', '/')]) {
      const error = await failureOf(
        downloadResult(mangled, { http: api.http, tmpDir: api.tmpDir, retryPolicy: quickPolicy }),
      );
      expect(error.code).toBe('link-expired');
    }
    expect(api.fake.stats.downloads).toBe(2);
    expect(api.fake.stats.accessDenied).toBe(2);
  });

  it('refuses, without sending, a link that cannot be sent as it is', async () => {
    const url = await issueOneLink();
    const error = await failureOf(
      downloadResult(decodeURIComponent(url), { http: api.http, tmpDir: api.tmpDir }),
    );
    expect(error.code).toBe('bad-request');
    expect(api.fake.stats.downloads).toBe(0);
  });

  it('does not retry an expired link', async () => {
    api.fake.setScenario({ linkTtlMs: -1, downloads: [{ kind: 'status', status: 404 }] });
    await runGeneration(engineOptions(api, []));
    const [url = ''] = api.fake.issuedUrls;
    const { delays, sleep } = recordingSleep();
    const error = await failureOf(
      downloadResult(url, { http: api.http, tmpDir: api.tmpDir, expiresAt: Date.now() - 1, sleep }),
    );
    expect(error.code).toBe('link-expired');
    expect(error.message).toContain('expired');
    expect(delays).toEqual([]);
  });

  it.each([
    ['a server error', { kind: 'status', status: 503 }],
    ['a connection dropped mid-body', { kind: 'drop-mid-body' }],
    ['a stalled transfer', { kind: 'stall-mid-body' }],
    ['a body that is not an image', { kind: 'not-an-image' }],
  ] as const)('retries after %s until the image arrives', async (_name, behaviour) => {
    const url = await issueOneLink();
    api.fake.setScenario({ downloads: [behaviour, behaviour] });
    const { delays, sleep } = recordingSleep();
    const retries: number[] = [];
    const image = await downloadResult(url, {
      http: api.http,
      tmpDir: api.tmpDir,
      retryPolicy: quickPolicy,
      idleTimeoutMs: 200,
      sleep,
      onRetry: (attempt) => retries.push(attempt),
    });
    expect(api.fake.stats.generatedSha256).toContain(image.sha256);
    expect(api.fake.stats.downloads).toBe(3);
    expect(retries).toEqual([2, 3]);
    expect(delays).toEqual([1, 2]);
    expect(await filesIn(api.tmpDir)).toEqual([image.tmpPath.slice(api.tmpDir.length + 1)]);
  });

  it('takes an image sent with chunked transfer coding in uneven pieces', async () => {
    const url = await issueOneLink();
    api.fake.setScenario({ downloads: [{ kind: 'chunked' }] });
    const image = await downloadResult(url, { http: api.http, tmpDir: api.tmpDir });
    expect(api.fake.stats.generatedSha256).toContain(image.sha256);
    expect(await sha256File(image.tmpPath)).toBe(image.sha256);
    expect(api.fake.stats.downloads).toBe(1);
  });

  it('follows a redirect to the exact place it names', async () => {
    const url = await issueOneLink();
    api.fake.setScenario({ downloads: [{ kind: 'redirect' }] });
    const retries: number[] = [];
    const image = await downloadResult(url, {
      http: api.http,
      tmpDir: api.tmpDir,
      onRetry: (attempt) => retries.push(attempt),
    });
    expect(api.fake.stats.generatedSha256).toContain(image.sha256);
    expect(api.fake.stats.downloads).toBe(2);
    expect(api.fake.stats.accessDenied).toBe(0);
    expect(retries).toEqual([]);
  });

  it('fails for good after the attempt budget, leaving no partial file', async () => {
    const url = await issueOneLink();
    api.fake.setScenario({
      downloads: Array.from({ length: 10 }, () => ({ kind: 'drop-mid-body' as const })),
    });
    const { sleep } = recordingSleep();
    const error = await failureOf(
      downloadResult(url, { http: api.http, tmpDir: api.tmpDir, retryPolicy: quickPolicy, sleep }),
    );
    expect(error.code).toBe('download-failed');
    expect(api.fake.stats.downloads).toBe(quickPolicy.downloadAttempts);
    expect(await filesIn(api.tmpDir)).toEqual([]);
  });

  it('retries downloads inside a generation and announces each retry', async () => {
    api.fake.setScenario({ downloads: [{ kind: 'status', status: 500 }] });
    const { sleep } = recordingSleep();
    const events: EngineEvent[] = [];
    const outcome = await runGeneration(engineOptions(api, events, { sleep, request: request() }));
    expect(outcome.images[0]).toHaveProperty('image');
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'download-retrying', index: 0, attempt: 2 }),
    );
    expect(api.fake.stats.generationPosts).toBe(1);
  });
});

describe('downloadResult, redirects', () => {
  /** Issues one link on `fake` (the download is refused once, so only the link is made). */
  async function linkOn(fake: FakeCometApi): Promise<string> {
    fake.setScenario({ downloads: [{ kind: 'status', status: 404 }] });
    await runGeneration({ ...engineOptions(api, []), baseUrl: fake.baseUrl, apiKey: fake.apiKey });
    const url = fake.issuedUrls.at(-1);
    if (!url) throw new Error('no link issued');
    fake.setScenario({});
    return url;
  }

  it('resolves a scheme-relative Location as another host, not as a path on the same one', async () => {
    const url = await linkOn(api.fake);
    const port = api.fake.port;
    api.fake.setScenario({ downloads: [{ kind: 'redirect-to', location: `//localhost:${port}{path}` }] });
    const image = await downloadResult(url, { http: api.http, tmpDir: api.tmpDir });
    expect(api.fake.stats.generatedSha256).toContain(image.sha256);
    expect(api.fake.stats.downloadHosts.slice(-2)).toEqual([`127.0.0.1:${port}`, `localhost:${port}`]);
    expect(api.fake.stats.accessDenied).toBe(0);
  });

  it('refuses a redirect from https to plain http, without contacting the http host', async () => {
    const secure = await startFakeCometApi({ tls: testTls });
    const plain = await startFakeCometApi();
    try {
      const url = await linkOn(secure);
      expect(url.startsWith('https://localhost:')).toBe(true);
      const before = secure.stats.downloads;
      secure.setScenario({
        downloads: [{ kind: 'redirect-to', location: `http://127.0.0.1:${plain.port}{path}` }],
      });
      const { sleep } = recordingSleep();
      const error = await failureOf(
        downloadResult(url, { http: api.http, tmpDir: api.tmpDir, retryPolicy: quickPolicy, sleep }),
      );
      expect(error.code).toBe('download-failed');
      expect(error.message).toContain('insecure http://');
      expect(plain.stats.downloads).toBe(0);
      expect(secure.stats.downloads - before).toBe(1);
      expect(await filesIn(api.tmpDir)).toEqual([]);
    } finally {
      await secure.stop();
      await plain.stop();
    }
  });

  it('never sends the Authorization header to storage, before or after a redirect to another host', async () => {
    const url = await linkOn(api.fake);
    api.fake.setScenario({
      downloads: [{ kind: 'redirect-to', location: `http://localhost:${api.fake.port}{path}`, status: 307 }],
    });
    await downloadResult(url, { http: api.http, tmpDir: api.tmpDir });
    expect(api.fake.stats.downloadAuthorization.length).toBeGreaterThanOrEqual(2);
    expect(api.fake.stats.downloadAuthorization.every((header) => header === undefined)).toBe(true);
  });

  it('gives up after three redirects instead of following a loop', async () => {
    const url = await linkOn(api.fake);
    const before = api.fake.stats.downloads;
    api.fake.setScenario({ downloads: Array.from({ length: 20 }, () => ({ kind: 'redirect' as const })) });
    const { sleep } = recordingSleep();
    const error = await failureOf(
      downloadResult(url, { http: api.http, tmpDir: api.tmpDir, retryPolicy: quickPolicy, sleep }),
    );
    expect(error.code).toBe('download-failed');
    expect(api.fake.stats.downloads - before).toBe(4);
  });

  it('resolves a relative Location against the folder of the link, keeping its query as written', async () => {
    const url = await linkOn(api.fake);
    const file = /\/([^/?]+\?.*)$/.exec(url)?.[1] ?? '';
    api.fake.setScenario({ downloads: [{ kind: 'redirect-to', location: `./${file}` }] });
    const image = await downloadResult(url, { http: api.http, tmpDir: api.tmpDir });
    expect(api.fake.stats.generatedSha256).toContain(image.sha256);
    expect(api.fake.stats.accessDenied).toBe(0);
  });
});
