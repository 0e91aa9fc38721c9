/**
 * `connect`: no byte of the request can have reached the server, so sending again cannot bill twice.
 * `sent`: the request was being written or was written, so the server may have it.
 */
export type TransportPhase = 'connect' | 'sent';

export const idleTimeoutCode = 'IDLE_TIMEOUT';
export const abortedCode = 'ABORTED';
export const truncatedCode = 'TRUNCATED';
/** The peer answered with something that is not HTTP/1.x (or framing that cannot be read safely). */
export const badResponseCode = 'BAD_RESPONSE';
/** The address cannot be sent as written (not http(s), or a path that would have to be re-encoded). */
export const invalidUrlCode = 'INVALID_URL';
/** The proxy answered the tunnel request with something other than 200; `status` says what. */
export const proxyRefusedCode = 'PROXY_REFUSED';
/** The proxy settings name something this app cannot use (a SOCKS4 or QUIC proxy, a malformed address). */
export const proxyUnusableCode = 'PROXY_UNUSABLE';

/** A failure below HTTP: no status was received, or the body stopped before its end. */
export class TransportError extends Error {
  readonly phase: TransportPhase;
  readonly code: string;
  /** The host the request was for. */
  readonly host: string;
  /** The proxy the request went through, as shown to the user (no credentials); undefined when direct. */
  readonly proxy: string | undefined;
  /** The proxy's HTTP status, for `PROXY_REFUSED`. */
  readonly status: number | undefined;
  constructor(
    phase: TransportPhase,
    code: string,
    host: string,
    cause?: unknown,
    via: { proxy?: string; status?: number } = {},
  ) {
    super(`${code} (${phase}) talking to ${host}${via.proxy ? ` through ${via.proxy}` : ''}`, { cause });
    this.name = 'TransportError';
    this.phase = phase;
    this.code = code;
    this.host = host;
    this.proxy = via.proxy;
    this.status = via.status;
  }
}
