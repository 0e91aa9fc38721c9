import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import { splitRawUrl } from './raw-url';

/**
 * `connect`: no byte of the request can have reached the server, so sending again cannot bill twice.
 * `sent`: the connection was open, so the server may have the request.
 */
export type TransportPhase = 'connect' | 'sent';

export const idleTimeoutCode = 'IDLE_TIMEOUT';
export const abortedCode = 'ABORTED';
export const truncatedCode = 'TRUNCATED';
/** The peer answered with something that is not HTTP/1.x (or framing that cannot be read safely). */
export const badResponseCode = 'BAD_RESPONSE';

/** A failure below HTTP: no status was received, or the body stopped before its end. */
export class TransportError extends Error {
  readonly phase: TransportPhase;
  readonly code: string;
  readonly host: string;
  constructor(phase: TransportPhase, code: string, host: string, cause?: unknown) {
    super(`${code} (${phase}) talking to ${host}`, { cause });
    this.name = 'TransportError';
    this.phase = phase;
    this.code = code;
    this.host = host;
  }
}

export interface HttpRequest {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Written in order, so large parts (reference data URIs) are never joined into one more copy. */
  body?: readonly string[];
  signal?: AbortSignal;
  /** Gives up when the socket sees no traffic for this long, while waiting and while reading alike. */
  idleTimeoutMs?: number;
  /**
   * Opens a new connection instead of reusing an idle one. A reused socket the server has just closed fails
   * after the request was written, which would make a safe retry look unsafe.
   */
  freshConnection?: boolean;
  /** Called once the whole request has been handed to the network. */
  onSent?: () => void;
}

/** Receives each piece of a body; a returned promise pauses the transfer until it settles (backpressure). */
export type ChunkHandler = (chunk: Buffer) => Promise<void> | undefined;

export interface HttpExchange {
  response: IncomingMessage;
  /**
   * Feeds the body to `onChunk` as it arrives and settles when all of it was handled. A cut connection, an idle
   * timeout or an abort reject with `TransportError`; an error from `onChunk` rejects as it is and stops the
   * transfer.
   */
  consume(onChunk: ChunkHandler): Promise<void>;
}

function errorCode(error: unknown): string {
  if (error instanceof TransportError) return error.code;
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string')
    return error.code;
  return 'UNKNOWN';
}

/**
 * One HTTP exchange over `node:http(s)` with the path sent exactly as given. Never retries: whether a retry is
 * safe is the caller's decision, made from the phase of the failure.
 */
export function sendHttpRequest(request: HttpRequest): Promise<HttpExchange> {
  const target = splitRawUrl(request.url);
  if (!target) return Promise.reject(new TransportError('connect', 'INVALID_URL', 'an invalid address'));
  const host = target.hostname;
  const client = target.protocol === 'https:' ? https : http;
  const body = request.body ?? [];
  const headers: Record<string, string> = { ...request.headers };
  if (request.method === 'POST')
    headers['content-length'] = String(body.reduce((n, p) => n + Buffer.byteLength(p), 0));

  return new Promise<HttpExchange>((resolve, reject) => {
    let phase: TransportPhase = 'connect';
    let stopReason: TransportError | undefined;
    let response: IncomingMessage | undefined;
    const { signal } = request;
    if (signal?.aborted) {
      reject(new TransportError('connect', abortedCode, host, signal.reason));
      return;
    }

    let req: http.ClientRequest;
    try {
      req = client.request({
        hostname: target.hostname,
        port: target.port,
        path: target.path,
        method: request.method,
        headers,
        ...(request.freshConnection ? { agent: false } : {}),
      });
    } catch (error) {
      // Node refuses paths with spaces or control characters; encoding them would alter a signed link.
      reject(new TransportError('connect', 'INVALID_URL', host, error));
      return;
    }

    const stop = (code: string, cause?: unknown) => {
      stopReason ??= new TransportError(phase, code, host, cause);
      req.destroy(stopReason);
      response?.destroy(stopReason);
    };
    const onAbort = () => {
      stop(abortedCode, signal?.reason);
    };
    const cleanup = () => signal?.removeEventListener('abort', onAbort);
    signal?.addEventListener('abort', onAbort, { once: true });

    req.on('socket', (socket) => {
      if (!socket.connecting) phase = 'sent';
      else socket.once(target.protocol === 'https:' ? 'secureConnect' : 'connect', () => (phase = 'sent'));
    });
    req.on('finish', () => request.onSent?.());
    if (request.idleTimeoutMs !== undefined)
      req.setTimeout(request.idleTimeoutMs, () => {
        stop(idleTimeoutCode);
      });

    req.on('error', (error) => {
      cleanup();
      reject(stopReason ?? new TransportError(phase, errorCode(error), host, error));
    });
    req.on('response', (incoming) => {
      response = incoming;
      resolve({ response: incoming, consume: (onChunk) => consume(incoming, onChunk) });
    });

    function consume(incoming: IncomingMessage, onChunk: ChunkHandler): Promise<void> {
      return new Promise<void>((resolveBody, rejectBody) => {
        let settled = false;
        let pending: Promise<void> | undefined;
        const settle = (failure?: unknown) => {
          if (settled) return;
          settled = true;
          cleanup();
          if (failure === undefined) resolveBody();
          else {
            if (!incoming.complete) stop(abortedCode);
            rejectBody(failure instanceof Error ? failure : new Error('The body could not be handled.'));
          }
        };
        // A failure of the connection, told apart from a failure of the code handling the chunks.
        const streamFailed = (error: unknown) => {
          settle(
            stopReason ??
              (error instanceof TransportError
                ? error
                : new TransportError('sent', errorCode(error), host, error)),
          );
        };
        incoming.on('data', (chunk: Buffer) => {
          if (settled) return;
          try {
            pending = onChunk(chunk);
          } catch (error) {
            settle(error);
            return;
          }
          if (!pending) return;
          incoming.pause();
          pending.then(() => {
            if (!settled) incoming.resume();
          }, settle);
        });
        incoming.on('end', () => {
          void Promise.resolve(pending).then(() => {
            if (incoming.complete) settle();
            else streamFailed(new TransportError('sent', truncatedCode, host));
          }, settle);
        });
        incoming.on('error', streamFailed);
        incoming.on('close', () => {
          if (!incoming.complete) streamFailed(new TransportError('sent', truncatedCode, host));
        });
      });
    }

    void writeBody(req, body).catch(() => undefined);
  });
}

async function writeBody(req: http.ClientRequest, parts: readonly string[]): Promise<void> {
  for (const part of parts) {
    if (!req.write(part)) {
      await new Promise<void>((resolve, reject) => {
        req.once('drain', resolve);
        req.once('close', () => {
          reject(new Error('closed'));
        });
      });
    }
  }
  req.end();
}

/** Reads a short body (an error answer) as text, keeping at most `limit` bytes of it. */
export async function readSmallBody(exchange: HttpExchange, limit = 1_048_576): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  await exchange.consume((chunk) => {
    if (size < limit) chunks.push(chunk.subarray(0, limit - size));
    size += chunk.length;
    return undefined;
  });
  return Buffer.concat(chunks).toString('utf8');
}
