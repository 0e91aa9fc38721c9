import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/**
 * A tiny HTTP proxy on 127.0.0.1 that speaks CONNECT (the app tunnels every request through a proxy), for
 * tests of the proxy paths without a network. It maps `*.fake.test` to 127.0.0.1, so a target named that way
 * is reachable only through it, and it can ask for Basic credentials and cut tunnels on purpose.
 */
export interface TestProxyOptions {
  credentials?: { user: string; password: string };
  /** Cuts each tunnel as soon as the server answers its first byte: the request has arrived, the answer is lost. */
  cutWhenServerAnswers?: boolean;
}

export interface TestProxyStats {
  /** The authority of every CONNECT accepted, in order. */
  tunnels: string[];
  /** CONNECTs refused for missing or wrong credentials. */
  refused: number;
  /** The Proxy-Authorization header of every CONNECT (undefined when absent). */
  authorizations: (string | undefined)[];
}

export interface TestProxy {
  /** `http://127.0.0.1:PORT`, with the credentials when it asks for some. */
  url: string;
  port: number;
  stats: TestProxyStats;
  close(): Promise<void>;
}

function hostOf(authority: string): { host: string; port: number } | undefined {
  const match = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(authority);
  if (!match) return undefined;
  const name = (match[1] ?? '').replace(/^\[|\]$/g, '');
  return { host: name.endsWith('.fake.test') ? '127.0.0.1' : name, port: Number(match[2]) };
}

export async function startTestProxy(options: TestProxyOptions = {}): Promise<TestProxy> {
  const stats: TestProxyStats = { tunnels: [], refused: 0, authorizations: [] };
  const sockets = new Set<Socket>();
  const expected = options.credentials
    ? `Basic ${Buffer.from(`${options.credentials.user}:${options.credentials.password}`).toString('base64')}`
    : undefined;
  const server = createServer((_req, res) => {
    res.writeHead(405, { 'content-type': 'text/plain' });
    res.end('This test proxy only tunnels (CONNECT).');
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    const authorization = req.headers['proxy-authorization'];
    stats.authorizations.push(authorization);
    if (expected !== undefined && authorization !== expected) {
      stats.refused += 1;
      client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n',
      );
      return;
    }
    const target = hostOf(req.url ?? '');
    if (!target) {
      client.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const upstream = connect(target.port, target.host);
    let established = false;
    sockets.add(upstream);
    upstream.on('close', () => {
      sockets.delete(upstream);
      if (established) client.destroy();
    });
    client.on('close', () => upstream.destroy());
    upstream.on('error', () => {
      if (established) client.destroy();
      else client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
    });
    upstream.once('connect', () => {
      established = true;
      stats.tunnels.push(req.url ?? '');
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      if (options.cutWhenServerAnswers) {
        upstream.once('data', () => {
          upstream.destroy();
          client.destroy();
        });
        client.pipe(upstream);
        return;
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const credentials = options.credentials
    ? `${encodeURIComponent(options.credentials.user)}:${encodeURIComponent(options.credentials.password)}@`
    : '';
  return {
    url: `http://${credentials}127.0.0.1:${port}`,
    port,
    stats,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}
