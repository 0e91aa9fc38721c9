import { Readable } from 'node:stream';
import tls from 'node:tls';
import { Agent, buildConnector, ProxyAgent, type Dispatcher } from 'undici';
import type { IncomingHttpHeaders } from 'undici/types/header';
import { splitRawUrl, type RawTarget } from '../generation/raw-url';
import { describeProxy, type ProxyChoice, type ProxyResolver } from './proxy-choice';
import { transportErrorOf } from './undici-errors';
import {
  abortedCode,
  invalidUrlCode,
  proxyUnusableCode,
  TransportError,
  type TransportPhase,
} from './transport-error';

export interface HttpRequest {
  url: string;
  method: 'GET' | 'POST';
  headers?: Readonly<Record<string, string>>;
  /** Written in order, so large parts (reference data URIs) are never joined into one more copy. */
  body?: readonly string[];
  signal?: AbortSignal;
  /** Gives up when no byte arrives for this long, while waiting for the head and while reading the body. */
  idleTimeoutMs?: number;
  /**
   * Sends on a connection of its own, closed afterwards, instead of an idle one from the pool: a reused socket
   * the server has just closed fails after the request was written, which would make a safe retry look unsafe.
   */
  freshConnection?: boolean;
  /** Called once the whole request has been handed to the network. */
  onSent?: () => void;
}

/** Receives each piece of a body; a returned promise pauses the transfer until it settles (backpressure). */
export type ChunkHandler = (chunk: Buffer) => Promise<void> | undefined;

export interface HttpResponse {
  status: number;
  /** Lower-case names; a repeated field's values joined with ", ". */
  headers: Readonly<Record<string, string>>;
  /**
   * Feeds the body to `onChunk` as it arrives and settles when all of it was handled. A cut connection, an idle
   * timeout or an abort reject with `TransportError`; an error from `onChunk` rejects as it is and stops the
   * transfer.
   */
  consume(onChunk: ChunkHandler): Promise<void>;
  /** Drops the connection without reading the body. */
  discard(): void;
}

/** Everything that leaves the machine goes through one of these; see docs/ARCHITECTURE.md, "Network". */
export interface HttpClient {
  /** One exchange, never retried here: whether a retry is safe is the caller's decision, made from the phase. */
  send(request: HttpRequest): Promise<HttpResponse>;
  /** The way a request to `url` would go now (for Settings to show). */
  route(url: string): Promise<ProxyChoice>;
  /** Closes idle connections and waits for running exchanges. */
  close(): Promise<void>;
}

export interface HttpClientOptions {
  /** Decides, per request, whether it goes direct or through which proxy. */
  proxy: ProxyResolver;
  /**
   * The PEM certificate authorities trusted for every TLS connection, to servers and proxies alike. Asked once,
   * at the first secure connection: reading the system's store takes a tenth of a second.
   */
  certificates: () => readonly string[];
  connectTimeoutMs?: number;
}

/** A path goes on the request line as written; anything that would need encoding cannot be sent unaltered. */
const sendablePath = /^[\x21-\x7e]+$/;

function originOf(target: RawTarget): string {
  const host = target.hostname.includes(':') ? `[${target.hostname}]` : target.hostname;
  return `${target.protocol}//${host}:${target.port}`;
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/**
 * One undici dispatcher per route and kind of connection. HTTP/1.1 only: each of 15 parallel downloads gets a
 * connection (and a TCP window) of its own, and a request's bytes are written at one known moment. Through a
 * proxy every request is tunnelled (CONNECT), plain HTTP too, so TLS stays end to end and connections are
 * pooled per origin as they are without one.
 */
function createDispatchers(options: HttpClientOptions) {
  const cache = new Map<string, Dispatcher>();
  const timeout = options.connectTimeoutMs ?? 15_000;
  // One context for every connection: handed the list itself, Node would parse hundreds of certificates each time.
  let secureContext: tls.SecureContext | undefined;
  const tlsOptions = () => {
    secureContext ??= tls.createSecureContext({ ca: [...options.certificates()] });
    return { secureContext, allowH2: false };
  };
  const plain = buildConnector({ timeout, allowH2: false });
  let secure: buildConnector.connector | undefined;
  const connect: buildConnector.connector = (connectOptions, callback) => {
    if (connectOptions.protocol !== 'https:') {
      plain(connectOptions, callback);
      return;
    }
    secure ??= buildConnector({ timeout, ...tlsOptions() });
    secure(connectOptions, callback);
  };
  return {
    get(route: { kind: 'direct' } | { kind: 'proxy'; url: string }, fresh: boolean): Dispatcher {
      const key = `${fresh ? 'fresh' : 'pooled'} ${route.kind === 'proxy' ? route.url : 'direct'}`;
      let dispatcher = cache.get(key);
      if (!dispatcher) {
        const common = { allowH2: false, connectTimeout: timeout, ...(fresh ? { pipelining: 0 } : {}) };
        dispatcher =
          route.kind === 'direct'
            ? new Agent({ ...common, connect })
            : new ProxyAgent({
                uri: route.url,
                ...common,
                proxyTunnel: true,
                requestTls: tlsOptions(),
                proxyTls: tlsOptions(),
              });
        cache.set(key, dispatcher);
      }
      return dispatcher;
    },
    async close(): Promise<void> {
      const all = [...cache.values()];
      cache.clear();
      await Promise.all(all.map((dispatcher) => dispatcher.close()));
    },
  };
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const dispatchers = createDispatchers(options);
  return {
    route: (url) => options.proxy(url),
    close: () => dispatchers.close(),
    async send(request) {
      const target = splitRawUrl(request.url);
      const host = target?.hostname ?? 'an invalid address';
      if (!target || !sendablePath.test(target.path))
        throw new TransportError('connect', invalidUrlCode, host);
      if (request.signal?.aborted)
        throw new TransportError('connect', abortedCode, host, request.signal.reason);
      let route: ProxyChoice;
      try {
        route = await options.proxy(request.url);
      } catch (error) {
        throw new TransportError('connect', proxyUnusableCode, host, error);
      }
      if (route.kind === 'unusable') {
        throw new TransportError('connect', proxyUnusableCode, host, new Error(route.reason));
      }
      const proxy = route.kind === 'proxy' ? describeProxy(route.url) : undefined;
      const dispatcher = dispatchers.get(route, request.freshConnection === true);
      return exchange(dispatcher, request, target, proxy);
    },
  };
}

function exchange(
  dispatcher: Dispatcher,
  request: HttpRequest,
  target: RawTarget,
  proxy: string | undefined,
): Promise<HttpResponse> {
  const host = target.hostname;
  return new Promise<HttpResponse>((resolveHead, rejectHead) => {
    let phase: TransportPhase = 'connect';
    let controller: Dispatcher.DispatchController | undefined;
    let headSettled = false;
    /** The first failure, whoever saw it; later ones are consequences. */
    let failure: Error | undefined;
    let ended = false;
    /** Body pieces that came before `consume` was called. */
    const early: Buffer[] = [];
    let consumer:
      | { onChunk: ChunkHandler; resolve: () => void; reject: (error: Error) => void; pending: number }
      | undefined;

    const cleanup = () => request.signal?.removeEventListener('abort', onAbort);
    const fail = (error: Error) => {
      if (failure) return;
      failure = error;
      cleanup();
      controller?.abort(error);
      if (!headSettled) {
        headSettled = true;
        rejectHead(error);
      } else consumer?.reject(error);
    };
    const finishBody = () => {
      if (!consumer || !ended || consumer.pending > 0 || failure) return;
      cleanup();
      consumer.resolve();
    };
    const deliver = (chunk: Buffer) => {
      const current = consumer;
      if (!current) return;
      let pending: Promise<void> | undefined;
      try {
        pending = current.onChunk(chunk);
      } catch (error) {
        fail(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (!pending) return;
      current.pending += 1;
      controller?.pause();
      pending.then(
        () => {
          current.pending -= 1;
          if (current.pending === 0 && !failure) controller?.resume();
          finishBody();
        },
        (error: unknown) => {
          fail(error instanceof Error ? error : new Error(String(error)));
        },
      );
    };
    function onAbort() {
      fail(new TransportError(phase, abortedCode, host, request.signal?.reason, { proxy }));
    }
    request.signal?.addEventListener('abort', onAbort, { once: true });

    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(started) {
        controller = started;
        // From here on the request is being written: the server may get it.
        phase = 'sent';
        if (failure) started.abort(failure);
      },
      onRequestSent() {
        request.onSent?.();
      },
      onResponseStart(started, status, headers) {
        controller = started;
        if (failure) return;
        // Nothing is read until someone takes the body.
        started.pause();
        headSettled = true;
        resolveHead({
          status,
          headers: flatHeaders(headers),
          consume(onChunk) {
            if (consumer) return Promise.reject(new Error('The body was already read.'));
            return new Promise<void>((resolve, reject) => {
              consumer = { onChunk, resolve, reject, pending: 0 };
              if (failure) {
                reject(failure);
                return;
              }
              for (const chunk of early.splice(0)) deliver(chunk);
              if (consumer.pending === 0) started.resume();
              finishBody();
            });
          },
          discard() {
            fail(new TransportError('sent', abortedCode, host, undefined, { proxy }));
          },
        });
      },
      onResponseData(_controller, chunk) {
        // undici hands over an empty piece when a paused parser resumes; taking it would pause it again, forever.
        if (failure || chunk.length === 0) return;
        if (consumer) deliver(chunk);
        else early.push(chunk);
      },
      onResponseEnd() {
        ended = true;
        finishBody();
      },
      onResponseError(_controller, error) {
        fail(failure ?? transportErrorOf(error, { phase, host, proxy, bodyStarted: headSettled }));
      },
    };

    const body = request.body ?? [];
    const length = body.reduce((sum, part) => sum + Buffer.byteLength(part), 0);
    try {
      dispatcher.dispatch(
        {
          origin: originOf(target),
          path: target.path,
          method: request.method,
          headers: {
            ...request.headers,
            ...(request.method === 'POST' ? { 'content-length': String(length) } : {}),
          },
          body: body.length <= 1 ? (body[0] ?? null) : Readable.from(body),
          // undici's defaults would end a generation that takes more than five minutes to start answering.
          headersTimeout: request.idleTimeoutMs ?? 0,
          bodyTimeout: request.idleTimeoutMs ?? 0,
        },
        handler,
      );
    } catch (error) {
      fail(new TransportError('connect', invalidUrlCode, host, error, { proxy }));
    }
  });
}

/** Reads a short body (an error answer) as text, keeping at most `limit` bytes of it. */
export async function readText(response: HttpResponse, limit = 1_048_576): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  await response.consume((chunk) => {
    if (size < limit) chunks.push(chunk.subarray(0, limit - size));
    size += chunk.length;
    return undefined;
  });
  return Buffer.concat(chunks).toString('utf8');
}
