import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createHttpClient, type HttpClient } from '../../src-main/network/http-client';
import type { ProxyResolver } from '../../src-main/network/proxy-choice';
import { trustedCertificates } from '../../src-main/network/trust-store';

/** A self-signed authority and server certificate for localhost, 127.0.0.1 and *.fake.test. */
export const testTls = {
  cert: readFileSync(join(import.meta.dirname, 'tls/test-cert.pem'), 'utf8'),
  key: readFileSync(join(import.meta.dirname, 'tls/test-key.pem'), 'utf8'),
};

export const directRoute: ProxyResolver = () => Promise.resolve({ kind: 'direct' });

/**
 * The app's client as tests use it: direct unless told otherwise (never the machine's own proxy variables),
 * trusting the system store plus, unless `trustTestAuthority` is false, the test authority.
 */
export function testHttpClient(
  options: { proxy?: ProxyResolver; trustTestAuthority?: boolean } = {},
): HttpClient {
  const extra = options.trustTestAuthority === false ? [] : [testTls.cert];
  return createHttpClient({
    proxy: options.proxy ?? directRoute,
    certificates: () => trustedCertificates(undefined, extra),
  });
}

/** One client per test file, closed after it. */
export function useHttpClient(): { http: HttpClient } {
  const context = { http: undefined as unknown as HttpClient };
  beforeAll(() => {
    context.http = testHttpClient();
  });
  afterAll(async () => {
    await context.http.close();
  });
  return context;
}
