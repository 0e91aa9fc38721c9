import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';

/**
 * CometAPI's balance service, which lives on its own host (query.cometapi.com) and takes the key as a query
 * parameter: `GET /user/quota?key=…` (https://apidoc.cometapi.com/tools/balance-api). A key it does not know
 * gets 401; each known key's balance is set by the test.
 */
export interface FakeQuota {
  /** The endpoint, as the app is given it (SEEDREAM_QUOTA_URL). */
  url: string;
  /** Balance in USD by key. */
  balances: Map<string, number>;
  /** The keys the service was asked with, in order. */
  askedWith: string[];
  stop(): Promise<void>;
}

export async function startFakeQuota(balances: Record<string, number> = {}): Promise<FakeQuota> {
  const quota: FakeQuota = {
    url: '',
    balances: new Map(Object.entries(balances)),
    askedWith: [],
    stop: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://quota.invalid');
    if (req.method !== 'GET' || url.pathname.replace(/\/$/, '') !== '/user/quota') {
      send(res, 404, { message: 'not found' });
      return;
    }
    const key = url.searchParams.get('key') ?? '';
    quota.askedWith.push(key);
    const balance = quota.balances.get(key);
    if (balance === undefined) {
      send(res, 401, { message: 'invalid key' });
      return;
    }
    send(res, 200, {
      username: 'fake_user',
      total_quota: balance,
      total_used_quota: 1.25,
      request_count: 12,
      keys: [{ name: 'query-only', remain_quota: 0, used_quota: 0 }],
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  quota.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/user/quota`;
  return quota;
}
