import { once } from 'node:events';
import net from 'node:net';
import tls from 'node:tls';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { mapTransportFailure } from '../../src-main/generation/api-errors';
import { readText, type HttpClient, type HttpResponse } from '../../src-main/network/http-client';
import { manualProxy } from '../../src-main/network/proxy-choice';
import { TransportError } from '../../src-main/network/transport-error';
import { startTestProxy, type TestProxy } from '../support/test-proxy';
import { testHttpClient, testTls } from '../support/http-client';

/** Answers each request head it reads; `connections` counts accepted connections. */
interface RawServer {
  port: number;
  requests: string[];
  connections: number;
}

type Respond = (socket: net.Socket, head: string, body: Buffer) => unknown;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function track<T extends { close(): Promise<void> }>(thing: T): T {
  cleanups.push(() => thing.close());
  return thing;
}

async function rawServer(respond: Respond, secure = false): Promise<RawServer> {
  const state: RawServer = { port: 0, requests: [], connections: 0 };
  const sockets = new Set<net.Socket>();
  const onConnection = (socket: net.Socket) => {
    state.connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let received = Buffer.alloc(0);
    socket.on('data', (data: Buffer) => {
      received = Buffer.concat([received, data]);
      for (;;) {
        const end = received.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = received.subarray(0, end).toString('latin1');
        const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0);
        if (received.length < end + 4 + length) return;
        const body = received.subarray(end + 4, end + 4 + length);
        received = received.subarray(end + 4 + length);
        state.requests.push(head);
        Promise.resolve(respond(socket, head, body)).catch(() => socket.destroy());
      }
    });
  };
  const server = secure
    ? tls
        .createServer({ cert: testTls.cert, key: testTls.key }, onConnection)
        .on('tlsClientError', () => undefined)
    : net.createServer(onConnection);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  cleanups.push(async () => {
    for (const socket of sockets) socket.destroy();
    server.close();
    await once(server, 'close');
  });
  state.port = (server.address() as net.AddressInfo).port;
  return state;
}

const ok = (body: string, extra = '') =>
  `HTTP/1.1 200 OK\r\ncontent-length: ${Buffer.byteLength(body)}\r\n${extra}\r\n${body}`;

function client(options: Parameters<typeof testHttpClient>[0] = {}): HttpClient {
  return track(testHttpClient(options));
}

async function failureOf(promise: Promise<unknown>): Promise<TransportError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TransportError) return error;
    throw error;
  }
  throw new Error('expected a TransportError');
}

async function text(response: HttpResponse): Promise<string> {
  return readText(response);
}

describe('http client, plain exchanges', () => {
  it('sends the path byte for byte, with the host and only the headers given', async () => {
    const server = await rawServer((socket) => socket.write(ok('fine')));
    const path = "/a%2Fb/it's%2fa%20test?X-Sig=ab%2F&x={y}";
    const response = await client().send({ url: `http://127.0.0.1:${server.port}${path}`, method: 'GET' });
    expect(response.status).toBe(200);
    expect(await text(response)).toBe('fine');
    const [requestLine, ...fields] = (server.requests[0] ?? '').split('\r\n');
    expect(requestLine).toBe(`GET ${path} HTTP/1.1`);
    expect(fields).toContain(`host: 127.0.0.1:${server.port}`);
    expect(fields.some((field) => /^authorization:/i.test(field))).toBe(false);
  });

  it('keeps one connection alive for successive downloads from the same origin', async () => {
    const server = await rawServer((socket) => socket.write(ok('x')));
    const http = client();
    for (let index = 0; index < 3; index += 1) {
      await text(await http.send({ url: `http://127.0.0.1:${server.port}/${index}`, method: 'GET' }));
      // undici hands the connection back to its pool just after the body ends.
      await delay(10);
    }
    expect(server.connections).toBe(1);
  });

  it('sends each paid POST on a connection of its own, closed after, with its whole body', async () => {
    const bodies: string[] = [];
    const server = await rawServer((socket, _head, body) => {
      bodies.push(body.toString('utf8'));
      socket.write(ok('{}'));
    });
    const http = client();
    for (let index = 0; index < 2; index += 1) {
      const response = await http.send({
        url: `http://127.0.0.1:${server.port}/v1/images/generations`,
        method: 'POST',
        body: ['{"a":', '"数据"', `,"n":${index}}`],
        freshConnection: true,
      });
      await text(response);
    }
    expect(server.connections).toBe(2);
    expect(bodies).toEqual(['{"a":"数据","n":0}', '{"a":"数据","n":1}']);
    expect(server.requests[0]).toMatch(/connection: close/i);
  });

  it('fails in the connect phase when nothing listens, and in the sent phase once the request went out', async () => {
    const closed = await rawServer(() => undefined);
    const port = closed.port;
    // Closed, and known to be closed, before anything is sent to its port.
    for (const cleanup of cleanups.splice(0)) await cleanup();
    const refused = await failureOf(client().send({ url: `http://127.0.0.1:${port}/`, method: 'POST' }));
    expect(refused).toMatchObject({ phase: 'connect', code: 'ECONNREFUSED', host: '127.0.0.1' });

    const dropping = await rawServer((socket) => socket.destroy());
    const dropped = await failureOf(
      client().send({ url: `http://127.0.0.1:${dropping.port}/`, method: 'POST', freshConnection: true }),
    );
    expect(dropped.phase).toBe('sent');
    expect(dropping.requests).toHaveLength(1);
  });

  it('refuses, without sending, an address whose path would have to be re-encoded', async () => {
    const server = await rawServer((socket) => socket.write(ok('x')));
    const error = await failureOf(
      client().send({ url: `http://127.0.0.1:${server.port}/a b`, method: 'GET' }),
    );
    expect(error).toMatchObject({ phase: 'connect', code: 'INVALID_URL' });
    expect(server.connections).toBe(0);
  });

  it('reports a body cut short as TRUNCATED', async () => {
    const server = await rawServer((socket) => {
      socket.end('HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\nonly this');
    });
    const response = await client().send({ url: `http://127.0.0.1:${server.port}/`, method: 'GET' });
    const error = await failureOf(text(response));
    expect(error).toMatchObject({ phase: 'sent', code: 'TRUNCATED' });
  });

  it('gives up with IDLE_TIMEOUT when the head or the body stalls', async () => {
    const silent = await rawServer(() => undefined);
    const http = client();
    const noHead = await failureOf(
      http.send({ url: `http://127.0.0.1:${silent.port}/`, method: 'GET', idleTimeoutMs: 200 }),
    );
    expect(noHead).toMatchObject({ code: 'IDLE_TIMEOUT', phase: 'sent' });
    const stalling = await rawServer((socket) => {
      socket.write('HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\nabc');
    });
    const response = await http.send({
      url: `http://127.0.0.1:${stalling.port}/`,
      method: 'GET',
      idleTimeoutMs: 200,
    });
    expect(await failureOf(text(response))).toMatchObject({ code: 'IDLE_TIMEOUT' });
  });

  it('stops at once with ABORTED when the signal aborts, before sending or mid-body', async () => {
    const server = await rawServer((socket) => {
      socket.write('HTTP/1.1 200 OK\r\ncontent-length: 1000000\r\n\r\nabc');
    });
    const http = client();
    const early = new AbortController();
    early.abort();
    expect(
      await failureOf(
        http.send({ url: `http://127.0.0.1:${server.port}/`, method: 'GET', signal: early.signal }),
      ),
    ).toMatchObject({ code: 'ABORTED', phase: 'connect' });
    expect(server.connections).toBe(0);

    const controller = new AbortController();
    const response = await http.send({
      url: `http://127.0.0.1:${server.port}/`,
      method: 'GET',
      signal: controller.signal,
    });
    const reading = failureOf(response.consume(() => undefined));
    controller.abort();
    expect(await reading).toMatchObject({ code: 'ABORTED', phase: 'sent' });
  });

  it('delivers every byte in order while the taker holds the transfer back', async () => {
    const payload = Buffer.alloc(3_000_000);
    for (let index = 0; index < payload.length; index += 1) payload[index] = (index * 31) % 251;
    const server = await rawServer((socket) => {
      socket.write(`HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n`);
      for (let offset = 0; offset < payload.length; offset += 70_001) {
        const piece = payload.subarray(offset, offset + 70_001);
        socket.write(`${piece.length.toString(16)}\r\n`);
        socket.write(piece);
        socket.write('\r\n');
      }
      socket.write('0\r\n\r\n');
    });
    const response = await client().send({ url: `http://127.0.0.1:${server.port}/`, method: 'GET' });
    const received: Buffer[] = [];
    let waits = 0;
    await response.consume((chunk) => {
      received.push(Buffer.from(chunk));
      if (received.length % 3 !== 0) return undefined;
      waits += 1;
      return delay(1);
    });
    expect(waits).toBeGreaterThan(0);
    expect(Buffer.concat(received).equals(payload)).toBe(true);
  });
});

describe('http client, TLS', () => {
  it('talks to https://localhost when its authority is trusted', async () => {
    const server = await rawServer((socket) => socket.write(ok('secure')), true);
    const response = await client().send({ url: `https://localhost:${server.port}/a?b=1`, method: 'GET' });
    expect(await text(response)).toBe('secure');
  });

  it('refuses a certificate it cannot verify before sending anything, naming the host and the reason', async () => {
    const server = await rawServer((socket) => socket.write(ok('secure')), true);
    const error = await failureOf(
      client({ trustTestAuthority: false }).send({
        url: `https://localhost:${server.port}/`,
        method: 'POST',
      }),
    );
    expect(error.phase).toBe('connect');
    expect(server.requests).toEqual([]);
    const message = mapTransportFailure(error, undefined).message;
    expect(message).toContain('localhost');
    expect(message).toMatch(/self-signed certificate|authority that this computer does not trust/);
  });
});

describe('http client, through a proxy', () => {
  async function proxy(options: Parameters<typeof startTestProxy>[0] = {}): Promise<TestProxy> {
    return track(await startTestProxy(options));
  }

  it('tunnels to a host only the proxy can resolve, plain and TLS, keeping the path as written', async () => {
    const through = await proxy();
    const plain = await rawServer((socket) => socket.write(ok('via proxy')));
    const secure = await rawServer((socket) => socket.write(ok('via proxy, TLS')), true);
    const http = client({ proxy: manualProxy(through.url) });
    const path = "/x%2Fy?it's=1";
    expect(
      await text(await http.send({ url: `http://api.fake.test:${plain.port}${path}`, method: 'GET' })),
    ).toBe('via proxy');
    expect(await text(await http.send({ url: `https://api.fake.test:${secure.port}/`, method: 'GET' }))).toBe(
      'via proxy, TLS',
    );
    expect(through.stats.tunnels).toEqual([`api.fake.test:${plain.port}`, `api.fake.test:${secure.port}`]);
    expect(plain.requests[0]?.split('\r\n')[0]).toBe(`GET ${path} HTTP/1.1`);
  });

  it('sends the credentials of the proxy address to the proxy, never to the server', async () => {
    const through = await proxy({ credentials: { user: 'alice', password: 'p@ss:word' } });
    const server = await rawServer((socket) => socket.write(ok('ok')));
    const http = client({ proxy: manualProxy(through.url) });
    await text(await http.send({ url: `http://api.fake.test:${server.port}/`, method: 'GET' }));
    expect(through.stats.refused).toBe(0);
    expect(server.requests[0]).not.toMatch(/proxy-authorization/i);
  });

  it('reports a proxy that refuses the credentials as 407 before anything reached the server', async () => {
    const through = await proxy({ credentials: { user: 'alice', password: 'right' } });
    const server = await rawServer((socket) => socket.write(ok('ok')));
    const wrong = through.url.replace('alice:right', 'alice:wrong');
    const error = await failureOf(
      client({ proxy: manualProxy(wrong) }).send({
        url: `http://api.fake.test:${server.port}/`,
        method: 'POST',
      }),
    );
    expect(error).toMatchObject({ phase: 'connect', code: 'PROXY_REFUSED', status: 407 });
    expect(mapTransportFailure(error, undefined).message).toContain('user name and password');
    expect(server.connections).toBe(0);
  });

  it('reports a proxy that cannot be reached as such, in the connect phase', async () => {
    const gone = await proxy();
    const url = gone.url;
    await gone.close();
    const error = await failureOf(
      client({ proxy: manualProxy(url) }).send({ url: 'https://api.cometapi.com/v1/models', method: 'GET' }),
    );
    expect(error.phase).toBe('connect');
    const message = mapTransportFailure(error, undefined).message;
    expect(message).toContain(`Cannot connect to the proxy http://127.0.0.1:${new URL(url).port}`);
    expect(message).toContain('api.cometapi.com');
  });

  it('sends nothing when the proxy settings cannot be used, and says why', async () => {
    const error = await failureOf(
      client({ proxy: () => Promise.resolve({ kind: 'unusable', reason: 'Only SOCKS4 is set.' }) }).send({
        url: 'https://api.cometapi.com/',
        method: 'POST',
      }),
    );
    expect(error).toMatchObject({ phase: 'connect', code: 'PROXY_UNUSABLE' });
    expect(mapTransportFailure(error, undefined).message).toBe('Only SOCKS4 is set.');
  });
});
