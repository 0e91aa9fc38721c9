import net from 'node:net';
import tls from 'node:tls';
import {
  abortedCode,
  badResponseCode,
  idleTimeoutCode,
  TransportError,
  truncatedCode,
  type TransportPhase,
} from './http-transport';
import {
  bodyFraming,
  ChunkedDecoder,
  parseResponseHead,
  type BodyFraming,
  type ResponseHead,
} from './http1-response';
import { splitRawUrl, type RawTarget } from './raw-url';

/**
 * One GET of a result link over a plain or TLS socket whose reads land directly in the memory of whoever takes
 * the body (Node's `onread` with a buffer chosen per read). `node:http` allocates a fresh buffer for every
 * read and emits it through streams; for 15 images of 4K that garbage and machinery cost more CPU than receiving
 * and writing the bytes, which made saving results slower than `curl` could download them.
 */

/** Takes a body as it arrives. */
export interface BodySink {
  /** Memory the next read may fill. Never empty; valid until the next `commit`. */
  space(): Uint8Array;
  /**
   * The first `length` bytes of the last `space()` now hold body bytes. A promise means the sink is behind:
   * reading pauses until it settles, and a rejection ends the download with that error.
   */
  commit(length: number): Promise<void> | undefined;
}

export interface DownloadRequest {
  url: string;
  headers?: Readonly<Record<string, string>>;
  signal?: AbortSignal;
  /** Gives up when the socket sees no traffic for this long, while waiting and while reading alike. */
  idleTimeoutMs?: number;
  /** Certificate authorities to trust instead of Node's bundled roots (a test's own authority). */
  ca?: string;
}

export interface DownloadResponse extends ResponseHead {
  /** Feeds the whole body to `sink`; settles once it has all been committed and every commit has settled. */
  readBody(sink: BodySink): Promise<void>;
  /** Drops the connection without reading the body. */
  close(): void;
}

type OnReadSocketOptions = tls.ConnectionOptions & { onread: net.OnReadOpts };

/** Memory for the head and for bytes that arrive before a sink is given. */
const headBufferBytes = 16 * 1024;

/** A path goes on the request line as written; anything that would need encoding cannot be sent unaltered. */
const sendablePath = /^[\x21-\x7e]+$/;

function hostHeader(target: RawTarget): string {
  const host = target.hostname.includes(':') ? `[${target.hostname}]` : target.hostname;
  const defaultPort = target.protocol === 'https:' ? 443 : 80;
  return target.port === defaultPort ? host : `${host}:${target.port}`;
}

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string')
    return error.code;
  return 'UNKNOWN';
}

class DownloadConnection {
  private readonly socket: net.Socket;
  private readonly host: string;
  private readonly headBuffer = Buffer.allocUnsafe(headBufferBytes);
  private phase: TransportPhase = 'connect';
  private state: 'head' | 'waiting' | 'body' | 'finished' = 'head';
  private headBytes: Buffer = Buffer.alloc(0);
  /** Body bytes that came with the head or while waiting for `readBody`, copied out of the read buffer. */
  private early: Buffer[] = [];
  private framing: BodyFraming = { kind: 'close' };
  private remaining = 0;
  private readonly decoder = new ChunkedDecoder();
  private sink: BodySink | undefined;
  private lastSpace: Uint8Array | undefined;
  private behind: Promise<void>[] = [];
  private failure: Error | undefined;
  /** The server closed while no sink was given yet; what it sent is in `early`. */
  private endedEarly = false;
  private settleBody: { resolve: () => void; reject: (error: Error) => void } | undefined;

  constructor(
    target: RawTarget,
    private readonly request: DownloadRequest,
    private readonly settleResponse: {
      resolve: (response: DownloadResponse) => void;
      reject: (error: Error) => void;
    },
  ) {
    this.host = target.hostname;
    const onread: net.OnReadOpts = {
      buffer: () => this.nextReadBuffer(),
      callback: (length, buffer) => this.onRead(buffer, length),
    };
    const secure = target.protocol === 'https:';
    if (secure) {
      const options: OnReadSocketOptions = {
        host: target.hostname,
        port: target.port,
        ALPNProtocols: ['http/1.1'],
        onread,
        ...(net.isIP(target.hostname) === 0 ? { servername: target.hostname } : {}),
        ...(request.ca === undefined ? {} : { ca: request.ca }),
      };
      this.socket = tls.connect(options);
    } else {
      this.socket = net.connect({ host: target.hostname, port: target.port, onread });
    }
    this.socket.once(secure ? 'secureConnect' : 'connect', () => (this.phase = 'sent'));
    this.socket.on('end', () => {
      this.onEnd();
    });
    this.socket.on('close', () => {
      if (this.state === 'waiting') this.endedEarly = true;
      else this.fail(new TransportError(this.phase, truncatedCode, this.host));
    });
    this.socket.on('error', (error) => {
      this.fail(new TransportError(this.phase, errorCode(error), this.host, error));
    });
    if (request.idleTimeoutMs !== undefined) {
      this.socket.setTimeout(request.idleTimeoutMs, () => {
        this.fail(new TransportError(this.phase, idleTimeoutCode, this.host));
      });
    }
    request.signal?.addEventListener('abort', this.onAbort, { once: true });
    const fields = Object.entries({ accept: '*/*', ...request.headers })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    this.socket.write(
      `GET ${target.path} HTTP/1.1\r\nhost: ${hostHeader(target)}\r\n${fields}connection: close\r\n\r\n`,
      'latin1',
    );
  }

  private readonly onAbort = () => {
    this.fail(new TransportError(this.phase, abortedCode, this.host, this.request.signal?.reason));
  };

  private nextReadBuffer(): Uint8Array {
    if (this.state !== 'body' || !this.sink) return this.headBuffer;
    this.lastSpace = this.sink.space();
    return this.lastSpace;
  }

  /** Returns false to pause the socket. */
  private onRead(buffer: Uint8Array, length: number): boolean {
    try {
      switch (this.state) {
        case 'head':
          return this.readHead(buffer.subarray(0, length));
        case 'waiting':
          this.early.push(Buffer.from(buffer.subarray(0, length)));
          return false;
        case 'body':
          return this.readBodyBytes(buffer, length, buffer === this.lastSpace);
        case 'finished':
          return false;
      }
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
      return false;
    }
  }

  private readHead(bytes: Uint8Array): boolean {
    this.headBytes = Buffer.concat([this.headBytes, bytes]);
    const parsed = parseResponseHead(this.headBytes);
    if (parsed.kind === 'incomplete') return true;
    if (parsed.kind === 'invalid') {
      this.fail(new TransportError('sent', badResponseCode, this.host, new Error(parsed.reason)));
      return false;
    }
    const framing = bodyFraming(parsed.head);
    if (framing.kind === 'invalid') {
      this.fail(new TransportError('sent', badResponseCode, this.host, new Error(framing.reason)));
      return false;
    }
    this.framing = framing;
    this.remaining = framing.kind === 'length' ? framing.length : 0;
    const rest = this.headBytes.subarray(parsed.length);
    if (rest.length > 0) this.early.push(rest);
    this.headBytes = Buffer.alloc(0);
    this.state = 'waiting';
    this.settleResponse.resolve({
      ...parsed.head,
      readBody: (sink) => this.readBody(sink),
      close: () => {
        this.finish();
      },
    });
    return false;
  }

  private readBody(sink: BodySink): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.state !== 'waiting') return Promise.reject(new Error('The body was already read.'));
    return new Promise<void>((resolve, reject) => {
      this.settleBody = { resolve, reject };
      this.sink = sink;
      this.state = 'body';
      const early = this.early;
      this.early = [];
      for (const piece of early) {
        this.readBodyBytes(piece, piece.length, false);
        if (this.isFinished()) return;
      }
      if (this.bodyComplete()) this.complete();
      else if (this.endedEarly) this.onEnd();
      else this.resumeWhenCaughtUp();
    });
  }

  /** Removes framing from `buffer[0, length)` and hands the data to the sink, in place when it is the sink's. */
  private readBodyBytes(buffer: Uint8Array, length: number, inSinkSpace: boolean): boolean {
    const sink = this.sink;
    if (!sink) return false;
    let data = length;
    if (this.framing.kind === 'length') {
      data = Math.min(length, this.remaining);
      this.remaining -= data;
    } else if (this.framing.kind === 'chunked') {
      data = this.decoder.decode(buffer, length);
      if (this.decoder.error !== undefined) {
        this.fail(new TransportError('sent', badResponseCode, this.host, new Error(this.decoder.error)));
        return false;
      }
    }
    if (inSinkSpace) this.noteBehind(sink.commit(data));
    else {
      for (let offset = 0; offset < data;) {
        const space = sink.space();
        const taken = Math.min(space.length, data - offset);
        space.set(buffer.subarray(offset, offset + taken));
        offset += taken;
        this.noteBehind(sink.commit(taken));
      }
    }
    if (this.bodyComplete()) {
      this.complete();
      return false;
    }
    if (this.behind.length === 0) return true;
    this.resumeWhenCaughtUp();
    return false;
  }

  private noteBehind(pending: Promise<void> | undefined): void {
    if (pending) this.behind.push(pending);
  }

  private resumeWhenCaughtUp(): void {
    if (this.behind.length === 0) {
      this.socket.resume();
      return;
    }
    const waiting = this.behind;
    this.behind = [];
    Promise.all(waiting).then(
      () => {
        if (this.state === 'body') this.resumeWhenCaughtUp();
      },
      (error: unknown) => {
        this.fail(error instanceof Error ? error : new Error(String(error)));
      },
    );
  }

  /** A method, not a comparison, because TypeScript cannot see that a call just changed `state`. */
  private isFinished(): boolean {
    return this.state === 'finished';
  }

  private bodyComplete(): boolean {
    if (this.framing.kind === 'length') return this.remaining === 0;
    if (this.framing.kind === 'chunked') return this.decoder.done;
    return false;
  }

  private onEnd(): void {
    if (this.state === 'waiting') {
      this.endedEarly = true;
      return;
    }
    if (this.state === 'body' && this.framing.kind === 'close') this.complete();
    else this.fail(new TransportError(this.phase, truncatedCode, this.host));
  }

  private complete(): void {
    const settle = this.settleBody;
    const waiting = this.behind;
    this.behind = [];
    this.finish();
    Promise.all(waiting).then(
      () => settle?.resolve(),
      (error: unknown) => settle?.reject(error instanceof Error ? error : new Error(String(error))),
    );
  }

  /** Ends the exchange: the connection is never reused (the request asked the server to close it). */
  private finish(): void {
    if (this.state === 'finished') return;
    this.state = 'finished';
    this.request.signal?.removeEventListener('abort', this.onAbort);
    this.socket.destroy();
  }

  private fail(error: Error): void {
    if (this.state === 'finished') return;
    const wasHead = this.state === 'head';
    this.failure = error;
    const settle = this.settleBody;
    this.finish();
    if (wasHead) this.settleResponse.reject(error);
    else settle?.reject(error);
  }
}

/** Sends a GET for `url` with its path byte for byte as written, and resolves once the response head is in. */
export function openDownload(request: DownloadRequest): Promise<DownloadResponse> {
  const target = splitRawUrl(request.url);
  if (!target || !sendablePath.test(target.path)) {
    return Promise.reject(
      new TransportError('connect', 'INVALID_URL', target?.hostname ?? 'an invalid address'),
    );
  }
  return new Promise<DownloadResponse>((resolve, reject) => {
    if (request.signal?.aborted) {
      reject(new TransportError('connect', abortedCode, target.hostname, request.signal.reason));
      return;
    }
    new DownloadConnection(target, request, { resolve, reject });
  });
}

/** Reads a short body (an error answer) as text, keeping at most `limit` bytes of it. */
export async function readBodyText(response: DownloadResponse, limit = 65_536): Promise<string> {
  const kept = Buffer.allocUnsafe(limit);
  const scratch = Buffer.allocUnsafe(headBufferBytes);
  let size = 0;
  let inKept = false;
  await response.readBody({
    space: () => {
      inKept = size < limit;
      return inKept ? kept.subarray(size) : scratch;
    },
    commit: (length) => {
      if (inKept) size += length;
      return undefined;
    },
  });
  return kept.subarray(0, size).toString('utf8');
}
