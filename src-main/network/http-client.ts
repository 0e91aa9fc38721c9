import { createDispatcherPool } from './dispatcher-pool';
import { exchange } from './exchange';
import { describeProxy, type ProxyChoice, type ProxyResolver } from './proxy-choice';
import { splitRawUrl } from './raw-url';
import { abortedCode, invalidUrlCode, proxyUnusableCode, TransportError } from './transport-error';

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

/** Everything that leaves the machine goes through one of these; see docs/generation-and-network.md, "The network". */
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

/**
 * The client: checks the address, asks the proxy resolver for this request's route, and runs one exchange
 * through that route's dispatcher (see dispatcher-pool.ts and exchange.ts).
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const dispatchers = createDispatcherPool(options);
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
