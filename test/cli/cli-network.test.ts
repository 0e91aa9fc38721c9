import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useFakeCometApi } from '../support/fake-cometapi-server';
import { testTls } from '../support/http-client';
import { startTestProxy, type TestProxy } from '../support/test-proxy';
import { runCliProcess } from './run-cli-process';

const plain = useFakeCometApi();
// Gateways other than loopback must be https: this one answers for *.fake.test with the test authority.
const tls = useFakeCometApi({ tls: testTls });
let proxy: TestProxy;
let home: string;
let authority: string;

beforeAll(async () => {
  proxy = await startTestProxy({ credentials: { user: 'ci', password: 'pa ss' } });
});
afterAll(async () => {
  await proxy.close();
});
beforeEach(async () => {
  proxy.stats.tunnels.length = 0;
  home = await mkdtemp(path.join(tmpdir(), 'seedream-cli-net-'));
  authority = path.join(home, 'test-authority.pem');
  await writeFile(authority, testTls.cert);
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

function generate(baseUrl: string, env: Record<string, string>) {
  const args = ['generate', '--prompt', 'a kite', '--max-images', '2', '--base-url', baseUrl, '--json'];
  return runCliProcess([...args, '--library', path.join(home, 'library')], {
    HOME: home,
    COMETAPI_KEY: plain.fake.apiKey,
    ...env,
  });
}

/** The TLS fake by a name only the proxy resolves, its authority trusted as NODE_EXTRA_CA_CERTS. */
function throughProxy(env: Record<string, string>) {
  return generate(`https://api.fake.test:${tls.fake.port}`, {
    COMETAPI_KEY: tls.fake.apiKey,
    NODE_EXTRA_CA_CERTS: authority,
    ...env,
  });
}

describe('command line networking', () => {
  it('follows HTTPS_PROXY with credentials for the POST and the downloads', async () => {
    // api.fake.test resolves only inside the test proxy, so nothing can have gone direct.
    const run = await throughProxy({ HTTPS_PROXY: proxy.url });
    expect(run.stderr).not.toContain('Error');
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { images: unknown[] }).images).toHaveLength(2);
    expect(tls.fake.stats.generationPosts).toBe(1);
    expect(proxy.stats.tunnels.length).toBeGreaterThanOrEqual(2);
    expect(proxy.stats.tunnels.every((tunnel) => tunnel === `api.fake.test:${tls.fake.port}`)).toBe(true);
  });

  it('goes direct for the hosts NO_PROXY names', async () => {
    const run = await generate(plain.fake.baseUrl, { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' });
    expect(run.code).toBe(0);
    expect(proxy.stats.tunnels).toEqual([]);
  });

  it('says plainly when the proxy refuses its credentials, and sends nothing', async () => {
    const wrong = proxy.url.replace(/:[^:@]*@/, ':wrong@');
    const run = await throughProxy({ HTTPS_PROXY: wrong });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('asks for a user name and password (HTTP 407)');
    expect(tls.fake.stats.generationPosts).toBe(0);
  });
});

describe.runIf(process.platform === 'linux')('command line trust store', () => {
  it('trusts an authority installed in the system store, and names host and reason when it is not', async () => {
    // OpenSSL reads the system store from SSL_CERT_FILE and SSL_CERT_DIR: this is "installing" the root.
    const store = path.join(home, 'system-store.pem');
    await writeFile(store, testTls.cert);
    const emptyDir = await mkdtemp(path.join(home, 'certs-'));
    const installed = await generate(tls.fake.baseUrl, {
      COMETAPI_KEY: tls.fake.apiKey,
      SSL_CERT_FILE: store,
      SSL_CERT_DIR: emptyDir,
    });
    expect(installed.stderr).not.toContain('Error');
    expect(installed.code).toBe(0);

    const missing = await generate(tls.fake.baseUrl, {
      COMETAPI_KEY: tls.fake.apiKey,
      SSL_CERT_DIR: emptyDir,
    });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('The secure connection to localhost was refused');
    expect(missing.stderr).toMatch(/self-signed certificate|authority that this computer does not trust/);
  });
});
