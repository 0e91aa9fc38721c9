import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import {
  openDownload,
  readBodyText,
  type BodySink,
  type DownloadRequest,
} from '../../src-main/generation/download-connection';
import { TransportError } from '../../src-main/generation/http-transport';

const cert = readFileSync(join(import.meta.dirname, 'fixtures/localhost-cert.pem'), 'utf8');
const key = readFileSync(join(import.meta.dirname, 'fixtures/localhost-key.pem'), 'utf8');

/** Answers one request on a connection; the server has already read the whole request head. */
type Respond = (socket: net.Socket, request: string) => void | Promise<void>;

interface RawServer {
  port: number;
  /** Each request head received, as raw text. */
  requests: string[];
  /** Connections accepted (TLS: handshakes completed). */
  connections: number;
  /** Settles when the server side of each accepted connection has closed, in order of connection. */
  closed: Promise<void>[];
}

const servers: net.Server[] = [];
const openSockets = new Set<net.Socket>();

afterEach(async () => {
  for (const socket of openSockets) socket.destroy();
  openSockets.clear();
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.close(() => {
            resolve();
          });
        }),
    ),
  );
});

async function startServer(respond: Respond, secure = false): Promise<RawServer> {
  const state: RawServer = { port: 0, requests: [], connections: 0, closed: [] };
  const onConnection = (socket: net.Socket) => {
    state.connections += 1;
    openSockets.add(socket);
    state.closed.push(once(socket, 'close').then(() => undefined));
    socket.on('close', () => openSockets.delete(socket));
    socket.on('error', () => undefined);
    socket.setNoDelay(true);
    let received = Buffer.alloc(0);
    let answered = false;
    socket.on('data', (data: Buffer) => {
      if (answered) return;
      received = Buffer.concat([received, data]);
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      answered = true;
      const request = received.subarray(0, end + 4).toString('latin1');
      state.requests.push(request);
      Promise.resolve(respond(socket, request)).catch(() => socket.destroy());
    });
  };
  const server = secure
    ? tls.createServer({ cert, key }, onConnection).on('tlsClientError', () => undefined)
    : net.createServer(onConnection);
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  state.port = address.port;
  return state;
}

/** Writes each piece as its own segment with a pause after it, so the client sees them as separate reads. */
async function sendPieces(socket: net.Socket, pieces: readonly (string | Uint8Array)[], pauseMs = 2) {
  for (const piece of pieces) {
    if (socket.destroyed) return;
    socket.write(typeof piece === 'string' ? Buffer.from(piece, 'latin1') : piece);
    await delay(pauseMs);
  }
}

/** Cuts `bytes` into pieces whose sizes cycle through `sizes`. */
function cut(bytes: Uint8Array, sizes: readonly number[]): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (let offset = 0, index = 0; offset < bytes.length; index += 1) {
    const size = sizes[index % sizes.length] ?? 1;
    pieces.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  return pieces;
}

/** Chunked coding of `data` with chunks of `sizes` (cycled), chunk extensions and a trailer field. */
function chunked(data: Uint8Array, sizes: readonly number[]): Buffer {
  const parts: Buffer[] = [];
  for (const [index, piece] of cut(data, sizes).entries()) {
    const extension = index % 2 === 0 ? `;n=${index}` : '';
    parts.push(
      Buffer.from(`${piece.length.toString(16)}${extension}\r\n`),
      Buffer.from(piece),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from('0;end=1\r\nX-Checksum: 1234\r\n\r\n'));
  return Buffer.concat(parts);
}

/** Keeps every committed byte; memory is a fixed buffer of `spaceBytes`, as a file writer's block would be. */
function recordingSink(spaceBytes: number) {
  const memory = Buffer.alloc(spaceBytes);
  const received: Buffer[] = [];
  let oversized = 0;
  const record = (length: number) => {
    if (length > memory.length) oversized += 1;
    received.push(Buffer.from(memory.subarray(0, length)));
  };
  const sink: BodySink = {
    space: () => memory,
    commit: (length) => {
      record(length);
      return undefined;
    },
  };
  return {
    sink,
    /** Takes a commit of the sink's memory, for sinks that wrap this one. */
    record,
    bytes: () => Buffer.concat(received),
    oversized: () => oversized,
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

async function transportFailure(promise: Promise<unknown>): Promise<TransportError> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(TransportError);
  if (!(error instanceof TransportError)) throw error;
  return error;
}

/** Opens the download and reads the whole body through a recording sink. */
async function download(request: DownloadRequest, spaceBytes = 64 * 1024) {
  const response = await openDownload(request);
  const recorder = recordingSink(spaceBytes);
  await response.readBody(recorder.sink);
  return { response, body: recorder.bytes(), recorder };
}

const url = (server: RawServer, path = '/image.jpeg') => `http://127.0.0.1:${server.port}${path}`;

describe('openDownload over plain TCP', () => {
  it('sends the path byte for byte with a host header and no authorization', async () => {
    const server = await startServer((socket) => {
      socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
    });
    const path =
      "/bucket/a%2Fb%2fc/img.jpeg?X-Tos-Credential=AK%2F2025%2Fcn-beijing&X-Tos-Signature=ab%3D%3D&x=it's&y=&=%2B";
    const { body, response } = await download({ url: url(server, path), headers: { accept: 'image/*' } });
    expect(body.toString()).toBe('ok');
    expect(response.status).toBe(200);
    const [request = ''] = server.requests;
    const [requestLine, ...fields] = request.split('\r\n');
    expect(requestLine).toBe(`GET ${path} HTTP/1.1`);
    const names = fields
      .filter((line) => line !== '')
      .map((line) => line.slice(0, line.indexOf(':')).toLowerCase());
    expect(fields).toContain(`host: 127.0.0.1:${server.port}`);
    expect(names.filter((name) => name === 'host')).toHaveLength(1);
    expect(names).not.toContain('authorization');
    expect(fields).toContain('accept: image/*');
  });

  it('returns the status and lower-case headers of the final head', async () => {
    const server = await startServer((socket) => {
      socket.end(
        'HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nX-Tos-Request-Id: r1\r\nContent-Length: 4\r\n\r\nnope',
      );
    });
    const { response, body } = await download({ url: url(server) });
    expect(response.status).toBe(404);
    expect(response.headers).toMatchObject({ 'content-type': 'text/plain', 'x-tos-request-id': 'r1' });
    expect(body.toString()).toBe('nope');
  });

  it.each([
    ['a large sink space', 64 * 1024],
    ['a tiny sink space', 3],
  ])('delivers a Content-Length body that arrives in many small pieces, with %s', async (_name, space) => {
    const data = randomBytes(3000);
    const server = await startServer((socket) =>
      sendPieces(socket, [
        'HTTP/1.1 20',
        '0 OK\r\nContent-Le',
        `ngth: ${data.length}\r\n`,
        '\r',
        Buffer.concat([Buffer.from('\n'), data.subarray(0, 5)]),
        ...cut(data.subarray(5), [1, 2, 3, 7, 13, 31, 64, 250]),
      ]),
    );
    const { body, recorder } = await download({ url: url(server) }, space);
    expect(body.equals(data)).toBe(true);
    expect(recorder.oversized()).toBe(0);
  });

  it('delivers a body that came in the same packet as the head', async () => {
    const data = randomBytes(20_000);
    const server = await startServer((socket) => {
      socket.end(
        Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Length: ${data.length}\r\n\r\n`), data]),
      );
    });
    const { body, recorder } = await download({ url: url(server) }, 1000);
    expect(body.equals(data)).toBe(true);
    expect(recorder.oversized()).toBe(0);
  });

  it('stops at the stated length when the server sends more', async () => {
    const server = await startServer((socket) => {
      socket.end('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhelloEXTRA BYTES');
    });
    const { body } = await download({ url: url(server) });
    expect(body.toString()).toBe('hello');
  });

  it.each([
    ['a large sink space', 64 * 1024],
    ['a tiny sink space', 3],
  ])('delivers a chunked body split at awkward places, with %s', async (_name, space) => {
    const data = randomBytes(700);
    const encoded = chunked(data, [1, 7, 100, 16, 250, 2]);
    const response = Buffer.concat([
      Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: image/png\r\n\r\n'),
      encoded,
    ]);
    const server = await startServer(async (socket) => {
      await sendPieces(socket, cut(response, [1, 3, 2, 17, 5, 40, 4]), 1);
      // The connection stays open: the body must end by its framing, not by the close.
    });
    const { body } = await download({ url: url(server) }, space);
    expect(body.equals(data)).toBe(true);
  });

  it('delivers a chunked body whose pieces split every CR from its LF', async () => {
    const data = Buffer.from('first chunk|second|third and last');
    const encoded = chunked(data, [12, 7]);
    const pieces: Buffer[] = [Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r')];
    let start = 0;
    for (let index = encoded.indexOf('\r'); index >= 0; index = encoded.indexOf('\r', index + 1)) {
      pieces.push(
        Buffer.concat(
          start === 0
            ? [Buffer.from('\n\r\n'), encoded.subarray(0, index + 1)]
            : [encoded.subarray(start, index + 1)],
        ),
      );
      start = index + 1;
    }
    pieces.push(encoded.subarray(start));
    const server = await startServer((socket) => sendPieces(socket, pieces, 3));
    const { body } = await download({ url: url(server) });
    expect(body.toString()).toBe(data.toString());
  });

  it('reads a body without a length until the server closes', async () => {
    const data = randomBytes(50_000);
    const server = await startServer(async (socket) => {
      await sendPieces(socket, [
        'HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n',
        ...cut(data, [10_000, 1, 9_999]),
      ]);
      socket.end();
    });
    const { body } = await download({ url: url(server) });
    expect(body.equals(data)).toBe(true);
  });

  it('reads an empty body when a body without a length ends at once', async () => {
    const server = await startServer((socket) => {
      socket.end('HTTP/1.1 200 OK\r\n\r\n');
    });
    const { body, response } = await download({ url: url(server) });
    expect(response.status).toBe(200);
    expect(body.length).toBe(0);
  });

  it('fails with TRUNCATED when a Content-Length body is cut short', async () => {
    const server = await startServer(async (socket) => {
      await sendPieces(socket, ['HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n', 'a'.repeat(400)]);
      socket.end();
    });
    const response = await openDownload({ url: url(server) });
    const recorder = recordingSink(64 * 1024);
    const error = await transportFailure(response.readBody(recorder.sink));
    expect(error.code).toBe('TRUNCATED');
    expect(error.phase).toBe('sent');
    expect(recorder.bytes().length).toBe(400);
  });

  it('fails with TRUNCATED when a chunked body is cut short', async () => {
    const server = await startServer((socket) => {
      socket.end('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nonly part');
    });
    const error = await transportFailure(download({ url: url(server) }));
    expect(error.code).toBe('TRUNCATED');
  });

  it('fails with TRUNCATED when the server closes before a whole head', async () => {
    const server = await startServer((socket) => {
      socket.end('HTTP/1.1 200 OK\r\nContent-Len');
    });
    const error = await transportFailure(openDownload({ url: url(server) }));
    expect(error.code).toBe('TRUNCATED');
    expect(error.phase).toBe('sent');
  });

  it('fails with BAD_RESPONSE on garbage instead of a status line', async () => {
    const server = await startServer((socket) => {
      socket.write('SSH-2.0-OpenSSH_9.6\r\nProtocol mismatch.\r\n\r\n');
    });
    const error = await transportFailure(openDownload({ url: url(server) }));
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.phase).toBe('sent');
  });

  it('fails with BAD_RESPONSE on broken chunk framing', async () => {
    const server = await startServer((socket) => {
      socket.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\ntoo long\r\n0\r\n\r\n');
    });
    const error = await transportFailure(download({ url: url(server) }));
    expect(error.code).toBe('BAD_RESPONSE');
  });

  it('fails with BAD_RESPONSE on a compressed chunked body', async () => {
    const server = await startServer((socket) => {
      socket.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n');
    });
    const error = await transportFailure(openDownload({ url: url(server) }));
    expect(error.code).toBe('BAD_RESPONSE');
  });

  it('skips a 103 interim head sent before the final head', async () => {
    const server = await startServer((socket) =>
      sendPieces(
        socket,
        [
          'HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n',
          'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n',
          'hello',
        ],
        10,
      ),
    );
    const { response, body } = await download({ url: url(server) });
    expect(response.status).toBe(200);
    expect(response.headers).not.toHaveProperty('link');
    expect(body.toString()).toBe('hello');
  });

  it('fails with IDLE_TIMEOUT when the server sends nothing', async () => {
    const server = await startServer(() => undefined);
    const started = Date.now();
    const error = await transportFailure(openDownload({ url: url(server), idleTimeoutMs: 150 }));
    expect(error.code).toBe('IDLE_TIMEOUT');
    expect(error.phase).toBe('sent');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(server.requests).toHaveLength(1);
  });

  it('fails with IDLE_TIMEOUT when the body stalls', async () => {
    const server = await startServer((socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nsome');
    });
    const response = await openDownload({ url: url(server), idleTimeoutMs: 150 });
    const recorder = recordingSink(1024);
    const error = await transportFailure(response.readBody(recorder.sink));
    expect(error.code).toBe('IDLE_TIMEOUT');
    expect(recorder.bytes().toString()).toBe('some');
  });

  it('fails with ABORTED and drops the connection when the signal aborts mid-body', async () => {
    const server = await startServer((socket) =>
      sendPieces(socket, ['HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n', 'x'.repeat(1000)]),
    );
    const controller = new AbortController();
    const response = await openDownload({ url: url(server), signal: controller.signal });
    const recorder = recordingSink(64 * 1024);
    const reading = response.readBody({
      space: () => recorder.sink.space(),
      commit: (length) => {
        recorder.record(length);
        if (recorder.bytes().length >= 1000) controller.abort();
        return undefined;
      },
    });
    const error = await transportFailure(reading);
    expect(error.code).toBe('ABORTED');
    await server.closed[0];
  });

  it('fails with ABORTED without connecting when the signal is already aborted', async () => {
    const server = await startServer((socket) => {
      socket.end('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n');
    });
    const error = await transportFailure(openDownload({ url: url(server), signal: AbortSignal.abort() }));
    expect(error.code).toBe('ABORTED');
    expect(error.phase).toBe('connect');
    await delay(50);
    expect(server.connections).toBe(0);
  });

  it('fails in the connect phase when the connection is refused', async () => {
    const probe = net.createServer();
    probe.listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const address = probe.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    await new Promise<void>((resolve) => {
      probe.close(() => {
        resolve();
      });
    });
    const error = await transportFailure(openDownload({ url: `http://127.0.0.1:${address.port}/x` }));
    expect(error.phase).toBe('connect');
    expect(error.code).toBe('ECONNREFUSED');
  });

  it.each([
    ['a space', '/a b.jpeg'],
    ['a non-ASCII character', '/imäge.jpeg'],
    ['a tab', '/a\tb'],
    ['a line break', '/a\r\nx-injected: 1'],
  ])('refuses a path with %s without connecting', async (_name, path) => {
    const server = await startServer((socket) => {
      socket.end('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n');
    });
    const error = await transportFailure(openDownload({ url: url(server, path) }));
    expect(error.code).toBe('INVALID_URL');
    expect(error.phase).toBe('connect');
    await delay(50);
    expect(server.connections).toBe(0);
  });

  it('refuses an address that is not http(s)', async () => {
    const error = await transportFailure(openDownload({ url: 'ftp://127.0.0.1/x' }));
    expect(error.code).toBe('INVALID_URL');
  });

  it('drops the connection on close() without reading the body', async () => {
    const server = await startServer((socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\npartial');
    });
    const response = await openDownload({ url: url(server) });
    response.close();
    await server.closed[0];
    await expect(response.readBody(recordingSink(10).sink)).rejects.toThrow();
  });

  it('refuses to read a body twice', async () => {
    const server = await startServer((socket) => {
      socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
    });
    const response = await openDownload({ url: url(server) });
    await response.readBody(recordingSink(10).sink);
    await expect(response.readBody(recordingSink(10).sink)).rejects.toThrow();
  });
});

describe('backpressure from the sink', () => {
  it('delivers every byte in order when each commit settles later', async () => {
    const data = randomBytes(64 * 1024);
    const server = await startServer(async (socket) => {
      await sendPieces(socket, [`HTTP/1.1 200 OK\r\nContent-Length: ${data.length}\r\n\r\n`], 20);
      socket.write(data);
    });
    const response = await openDownload({ url: url(server) });
    const recorder = recordingSink(4096);
    let pending = 0;
    let commitsWhilePending = 0;
    await response.readBody({
      space: () => recorder.sink.space(),
      commit: (length) => {
        if (pending > 0) commitsWhilePending += 1;
        recorder.record(length);
        pending += 1;
        return delay(20).then(() => {
          pending -= 1;
        });
      },
    });
    expect(recorder.bytes().equals(data)).toBe(true);
    expect(recorder.oversized()).toBe(0);
    // Once the head is in, each read lands in the sink's own memory and is committed once.
    expect(commitsWhilePending).toBeLessThanOrEqual(Math.ceil(16_384 / 4096));
    expect(pending).toBe(0);
  });

  it('stops reading the socket while a commit is pending', async () => {
    const data = randomBytes(4 * 1024 * 1024);
    const server = await startServer(async (socket) => {
      await sendPieces(socket, [`HTTP/1.1 200 OK\r\nContent-Length: ${data.length}\r\n\r\n`], 20);
      socket.write(data);
    });
    const response = await openDownload({ url: url(server) });
    const recorder = recordingSink(64 * 1024);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const seen = { commits: 0 };
    const reading = response.readBody({
      space: () => recorder.sink.space(),
      commit: (length) => {
        recorder.record(length);
        seen.commits += 1;
        return seen.commits === 1 ? held : undefined;
      },
    });
    for (let waited = 0; seen.commits === 0 && waited < 5000; waited += 5) await delay(5);
    expect(seen.commits).toBeGreaterThan(0);
    // Lets whatever the read that got the promise still does finish, so only later reads would add bytes.
    await delay(20);
    const whileHeld = recorder.bytes().length;
    await delay(250);
    expect(recorder.bytes().length).toBe(whileHeld);
    expect(whileHeld).toBeLessThan(data.length);
    release();
    await reading;
    expect(recorder.bytes().equals(data)).toBe(true);
  });

  it('settles only after the last commit has settled', async () => {
    const server = await startServer((socket) => {
      socket.end('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello');
    });
    const response = await openDownload({ url: url(server) });
    let settled = false;
    await response.readBody({
      space: () => Buffer.alloc(100),
      commit: () =>
        delay(100).then(() => {
          settled = true;
        }),
    });
    expect(settled).toBe(true);
  });

  it('delivers a chunked body in order when each commit settles later', async () => {
    const data = randomBytes(30_000);
    const server = await startServer(async (socket) => {
      await sendPieces(socket, ['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n'], 20);
      socket.write(chunked(data, [1000, 3, 4096, 777]));
    });
    const response = await openDownload({ url: url(server) });
    const recorder = recordingSink(2048);
    await response.readBody({
      space: () => recorder.sink.space(),
      commit: (length) => {
        recorder.record(length);
        return delay(5);
      },
    });
    expect(recorder.bytes().equals(data)).toBe(true);
  });

  it('rejects with the error of a commit that rejects, and drops the connection', async () => {
    const server = await startServer(async (socket) => {
      await sendPieces(socket, ['HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n'], 20);
      await sendPieces(socket, cut(Buffer.alloc(100_000, 1), [1000]), 1);
    });
    const response = await openDownload({ url: url(server) });
    const diskFull = new Error('disk full');
    let commits = 0;
    const reading = response.readBody({
      space: () => Buffer.alloc(4096),
      commit: () => {
        commits += 1;
        return commits === 3 ? Promise.reject(diskFull) : undefined;
      },
    });
    expect(await rejection(reading)).toBe(diskFull);
    await server.closed[0];
  });

  it('rejects with the error of a commit that rejects on the last bytes', async () => {
    const server = await startServer((socket) => {
      socket.end('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello');
    });
    const response = await openDownload({ url: url(server) });
    const diskFull = new Error('disk full');
    const reading = response.readBody({
      space: () => Buffer.alloc(100),
      commit: () => Promise.reject(diskFull),
    });
    expect(await rejection(reading)).toBe(diskFull);
  });
});

describe('readBodyText', () => {
  it('reads a short body whole', async () => {
    const server = await startServer((socket) => {
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 26\r\n\r\n<Code>AccessDenied</Code>\n');
    });
    const response = await openDownload({ url: url(server) });
    expect(await readBodyText(response, 1000)).toBe('<Code>AccessDenied</Code>\n');
  });

  it('keeps at most limit bytes and still reads to the end', async () => {
    const text = Array.from({ length: 5000 }, (_, index) => String.fromCharCode(97 + (index % 26))).join('');
    const server = await startServer((socket) =>
      sendPieces(socket, [
        `HTTP/1.1 500 Oops\r\nContent-Length: ${text.length}\r\n\r\n`,
        ...cut(Buffer.from(text), [70, 33, 2000]),
      ]),
    );
    const response = await openDownload({ url: url(server) });
    expect(await readBodyText(response, 100)).toBe(text.slice(0, 100));
  });

  it('keeps at most limit bytes of a chunked body', async () => {
    const text = 'x'.repeat(40_000) + 'tail';
    const server = await startServer((socket) => {
      socket.end(
        Buffer.concat([
          Buffer.from('HTTP/1.1 500 Oops\r\nTransfer-Encoding: chunked\r\n\r\n'),
          chunked(Buffer.from(text), [3000, 7]),
        ]),
      );
    });
    const response = await openDownload({ url: url(server) });
    expect(await readBodyText(response, 20_000)).toBe(text.slice(0, 20_000));
  });
});

describe('openDownload over TLS', () => {
  const jpegLike = randomBytes(200_000);

  function serveBody(body: Buffer, framing: 'length' | 'chunked'): Respond {
    return async (socket) => {
      if (framing === 'length') {
        await sendPieces(socket, [
          `HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n`,
          ...cut(body, [65_536, 13]),
        ]);
        return;
      }
      await sendPieces(socket, [
        'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n',
        ...cut(chunked(body, [5000, 17, 70_000]), [9000, 3]),
      ]);
    };
  }

  it('downloads from https://localhost when the test authority is trusted', async () => {
    const server = await startServer(serveBody(jpegLike, 'length'), true);
    const { body, response } = await download({
      url: `https://localhost:${server.port}/a%2Fb.jpeg?s=1`,
      ca: cert,
    });
    expect(response.status).toBe(200);
    expect(body.equals(jpegLike)).toBe(true);
    expect(server.requests[0]?.split('\r\n')[0]).toBe('GET /a%2Fb.jpeg?s=1 HTTP/1.1');
    expect(server.requests[0]).toContain(`\r\nhost: localhost:${server.port}\r\n`);
  });

  it('downloads a chunked body over TLS', async () => {
    const server = await startServer(serveBody(jpegLike, 'chunked'), true);
    const { body } = await download({ url: `https://localhost:${server.port}/x`, ca: cert }, 5000);
    expect(body.equals(jpegLike)).toBe(true);
  });

  it('downloads from an IP address the certificate names', async () => {
    const server = await startServer(serveBody(jpegLike, 'length'), true);
    const { body } = await download({ url: `https://127.0.0.1:${server.port}/x`, ca: cert });
    expect(body.equals(jpegLike)).toBe(true);
  });

  it('refuses a certificate it cannot verify, before sending the request', async () => {
    const server = await startServer(serveBody(jpegLike, 'length'), true);
    const error = await transportFailure(
      openDownload({ url: `https://localhost:${server.port}/secret-path` }),
    );
    expect(error.phase).toBe('connect');
    expect(error.code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    await delay(100);
    expect(server.requests).toEqual([]);
  });
});
