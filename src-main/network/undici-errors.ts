import {
  badResponseCode,
  idleTimeoutCode,
  invalidUrlCode,
  proxyRefusedCode,
  TransportError,
  truncatedCode,
  type TransportPhase,
} from './transport-error';

export interface FailureContext {
  phase: TransportPhase;
  host: string;
  proxy: string | undefined;
  /** The response head had arrived, so a closed connection cut the body short. */
  bodyStarted: boolean;
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** undici reports a tunnel the proxy refused only in its message: `Proxy response (407) !== 200 ...`. */
function proxyStatus(error: Error): number | undefined {
  const match = /Proxy response \((\d{3})\)|Proxy Authentication Required \((\d{3})\)/.exec(error.message);
  const status = match?.[1] ?? match?.[2];
  return status === undefined ? undefined : Number(status);
}

/** undici's and Node's failures as the engine's `TransportError`, named by what happened rather than by who saw it. */
export function transportErrorOf(error: Error, context: FailureContext): TransportError {
  if (error instanceof TransportError) return error;
  const { host, proxy } = context;
  const make = (code: string, phase: TransportPhase = context.phase, status?: number) =>
    new TransportError(phase, code, host, error, { proxy, status });
  const status = proxyStatus(error);
  if (status !== undefined) return make(proxyRefusedCode, 'connect', status);
  const code = codeOf(error);
  switch (code) {
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return make(idleTimeoutCode);
    case 'UND_ERR_CONNECT_TIMEOUT':
      return make('CONNECT_TIMEOUT', 'connect');
    case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
      return make(truncatedCode);
    case 'UND_ERR_HEADERS_OVERFLOW':
      return make(badResponseCode);
    case 'UND_ERR_INVALID_ARG':
      return make(invalidUrlCode, 'connect');
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
    case 'ECONNRESET':
    case 'EPIPE':
      return make(context.bodyStarted ? truncatedCode : code.startsWith('E') ? code : 'CONNECTION_CLOSED');
    case 'UND_ERR_PRX_CONN':
      return make('PROXY_CLOSED', 'connect');
    case 'UND_ERR_PRX_TLS':
      return make(codeOf(error.cause) ?? 'PROXY_TLS', 'connect');
    case undefined:
      return make('UNKNOWN');
    default:
      return make(code.startsWith('HPE_') ? badResponseCode : code);
  }
}
