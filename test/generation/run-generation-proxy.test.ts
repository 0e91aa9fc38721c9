import { afterEach, describe, expect, it } from 'vitest';
import { runGeneration } from '../../src-main/generation/run-generation';
import type { HttpClient } from '../../src-main/network/http-client';
import { environmentProxy } from '../../src-main/network/proxy-choice';
import { startTestProxy, type TestProxy } from '../support/test-proxy';
import { testHttpClient } from '../support/http-client';
import { engineOptions, quickPolicy, recordingSleep, request, useFakeApi } from './harness';
import { failureOf } from '../support/failure-of';

const api = useFakeApi();
const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of opened.splice(0)) await thing.close();
});

/** A client that follows HTTPS_PROXY/HTTP_PROXY as the command line does, pointed at `proxy`. */
async function throughProxy(options: Parameters<typeof startTestProxy>[0] = {}): Promise<{
  proxy: TestProxy;
  http: HttpClient;
}> {
  const proxy = await startTestProxy(options);
  const http = testHttpClient({ proxy: environmentProxy({ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url }) });
  opened.push(http, proxy);
  return { proxy, http };
}

/** The fake, by a name that only the proxy can resolve: a request that does not go through it fails. */
const gateway = () => `http://api.fake.test:${api.fake.port}`;

describe('runGeneration through a proxy', () => {
  it('sends the POST and downloads every image through an authenticated proxy', async () => {
    const { proxy, http } = await throughProxy({ credentials: { user: 'ops', password: 's3cret' } });
    api.fake.setScenario({ linkHost: 'cdn.fake.test' });
    const outcome = await runGeneration({
      ...engineOptions(api, [], { request: request({ sequential: 'auto', maxImages: 3 }) }),
      http,
      baseUrl: gateway(),
    });
    expect(outcome.images.filter((slot) => 'image' in slot)).toHaveLength(3);
    expect(api.fake.stats.generationPosts).toBe(1);
    expect(proxy.stats.tunnels.filter((tunnel) => tunnel.startsWith('api.fake.test:'))).toHaveLength(1);
    expect(
      proxy.stats.tunnels.filter((tunnel) => tunnel.startsWith('cdn.fake.test:')).length,
    ).toBeGreaterThan(0);
    expect(api.fake.stats.downloadHosts.every((host) => host?.startsWith('cdn.fake.test:'))).toBe(true);
    expect(api.fake.stats.downloadAuthorization.every((header) => header === undefined)).toBe(true);
  });

  it('never re-sends a POST whose tunnel the proxy cut after the request arrived', async () => {
    const { http } = await throughProxy({ cutWhenServerAnswers: true });
    const { delays, sleep } = recordingSleep();
    const error = await failureOf(
      runGeneration({ ...engineOptions(api, [], { sleep }), http, baseUrl: gateway() }),
    );
    expect(error.code).toBe('connection-lost');
    expect(api.fake.stats.generationPosts).toBe(1);
    expect(delays).toEqual([]);
  });

  it('stops, unbilled and without retrying, when the proxy refuses the credentials', async () => {
    const { proxy } = await throughProxy({ credentials: { user: 'ops', password: 'right' } });
    const wrong = testHttpClient({
      proxy: environmentProxy({ HTTP_PROXY: proxy.url.replace('ops:right', 'ops:wrong') }),
    });
    opened.push(wrong);
    const { delays, sleep } = recordingSleep();
    const error = await failureOf(
      runGeneration({ ...engineOptions(api, [], { sleep }), http: wrong, baseUrl: gateway() }),
    );
    expect(error).toMatchObject({ code: 'offline' });
    expect(error.message).toContain('HTTP 407');
    expect(api.fake.stats.generationPosts).toBe(0);
    expect(delays).toEqual([]);
  });

  it('retries, within its budget, a proxy that cannot be reached, since nothing was sent', async () => {
    const { proxy } = await throughProxy();
    const url = proxy.url;
    await proxy.close();
    const http = testHttpClient({ proxy: environmentProxy({ HTTP_PROXY: url }) });
    opened.push(http);
    const { delays, sleep } = recordingSleep();
    const error = await failureOf(
      runGeneration({ ...engineOptions(api, [], { sleep }), http, baseUrl: gateway() }),
    );
    expect(error.code).toBe('offline');
    expect(error.message).toContain('Cannot connect to the proxy');
    expect(delays).toHaveLength(quickPolicy.generationRetries);
    expect(api.fake.stats.generationPosts).toBe(0);
  });
});
