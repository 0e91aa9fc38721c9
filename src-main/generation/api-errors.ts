import { z } from 'zod';
import { appError, type AppError } from '../../src-preload/contract/errors';
import type { GenerationField } from '../../src-preload/contract/generation';
import {
  abortedCode,
  badResponseCode,
  idleTimeoutCode,
  invalidUrlCode,
  proxyRefusedCode,
  proxyUnusableCode,
  truncatedCode,
  type TransportError,
} from '../network/transport-error';

/** What a provider or storage host says about a failure, from any of the shapes they use. */
export interface ProviderError {
  message?: string;
  type?: string;
  param?: string;
  code?: string;
}

const providerErrorSchema = z
  .object({
    message: z.string().optional(),
    type: z.string().optional(),
    param: z.string().nullish(),
    code: z.union([z.string(), z.number()]).nullish(),
  })
  .loose();

const storageErrorSchema = z.object({ Code: z.string(), Message: z.string().optional() }).loose();

export function parseProviderError(text: string): ProviderError {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {};
  }
  const storage = storageErrorSchema.safeParse(value);
  if (storage.success) return { code: storage.data.Code, message: storage.data.Message };
  const wrapped = z.object({ error: providerErrorSchema }).safeParse(value);
  const direct = providerErrorSchema.safeParse(value);
  const found = wrapped.success ? wrapped.data.error : direct.success ? direct.data : undefined;
  if (!found) return {};
  return {
    message: found.message,
    type: found.type,
    param: found.param ?? undefined,
    code: found.code === undefined || found.code === null ? undefined : String(found.code),
  };
}

const apiFields: Record<string, GenerationField> = {
  model: 'model',
  prompt: 'prompt',
  size: 'size',
  image: 'references',
  response_format: 'responseFormat',
  output_format: 'outputFormat',
  watermark: 'watermark',
  guidance_scale: 'guidanceScale',
  seed: 'seed',
  sequential_image_generation: 'sequential',
  sequential_image_generation_options: 'maxImages',
  max_images: 'maxImages',
  stream: 'stream',
};

/** The control a provider's `param` points at: `sequential_image_generation_options.max_images` -> maxImages. */
export function fieldForParam(param: string | undefined): GenerationField | undefined {
  if (!param) return undefined;
  const parts = param.split(/[.[\]]/).filter(Boolean);
  for (const part of parts.reverse()) {
    const field = apiFields[part];
    if (field) return field;
  }
  return undefined;
}

const providerMessageLimit = 300;

function quoteProvider(error: ProviderError): string {
  const text = (error.message ?? '').replace(/\s+/g, ' ').trim();
  if (text === '') return '';
  return ` The service said: "${text.length > providerMessageLimit ? `${text.slice(0, providerMessageLimit)}…` : text}"`;
}

function sensitiveContentError(code: string, error: ProviderError): AppError | undefined {
  if (!/Sensitive|ContentFilter|content_policy|moderation/i.test(code)) return undefined;
  if (/InputText/i.test(code)) {
    return appError(
      'content-rejected',
      'The provider refused the prompt as sensitive content. Rephrase it and try again.',
      {
        field: 'prompt',
      },
    );
  }
  if (/InputImage/i.test(code)) {
    return appError(
      'content-rejected',
      'The provider refused a reference image as sensitive content. Remove or replace it and try again.',
      { field: 'references' },
    );
  }
  if (/OutputImage/i.test(code)) {
    return appError(
      'content-rejected',
      'The provider withheld this image because the result was flagged as sensitive content.',
    );
  }
  return appError(
    'content-rejected',
    `The provider refused the request as sensitive content.${quoteProvider(error)}`,
  );
}

const noCreditPattern = /Overdue|insufficient|quota|balance|billing|credit|payment/i;

/** An HTTP failure from the API host, mapped to something the user can act on. */
export function mapApiFailure(
  status: number,
  error: ProviderError,
  retryAfterSeconds?: number,
  /** The gateway's name as people know it, for the messages that send them to its console. */
  gateway = 'CometAPI',
): AppError {
  const code = error.code ?? '';
  const sensitive = sensitiveContentError(code, error);
  if (sensitive) return sensitive;
  if (status === 401 || /Authentication|InvalidApiKey|invalid_api_key/i.test(code)) {
    return appError('key-rejected', `${gateway} rejected the API key. Check or replace it in Settings.`);
  }
  if (status === 402 || noCreditPattern.test(code)) {
    return appError(
      'no-credit',
      `The account has no credit left for this request. Top it up on ${gateway} and try again.`,
    );
  }
  // Ark answers this when the model exists but is not activated for the account.
  if (/ModelNotOpen/i.test(code)) {
    return appError(
      'forbidden',
      `This model is not activated for your account on ${gateway}. Activate it in ${gateway}'s console, or choose another model.${quoteProvider(error)}`,
      { field: 'model' },
    );
  }
  if (status === 429) {
    const wait = retryAfterSeconds === undefined ? 'a moment' : `${retryAfterSeconds} seconds`;
    return appError('rate-limited', `Too many requests right now. Try again in ${wait}.`, {
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    });
  }
  if (status === 403) {
    return appError(
      'forbidden',
      `The key is not allowed to make this request (for example, this model is not enabled for it).${quoteProvider(error)}`,
    );
  }
  if (status >= 500) {
    return appError(
      'server-error',
      `The service had a problem (HTTP ${status}). Try again later.${quoteProvider(error)}`,
    );
  }
  if (status === 404) {
    return appError(
      'bad-request',
      `The gateway does not offer this model or endpoint. Check the model and the API base URL.${quoteProvider(error)}`,
      { field: fieldForParam(error.param) ?? 'model' },
    );
  }
  const field = fieldForParam(error.param);
  return appError('bad-request', `The service refused the request (HTTP ${status}).${quoteProvider(error)}`, {
    ...(field ? { field } : {}),
  });
}

/** A per-image `error` inside an otherwise successful answer. */
export function mapItemFailure(error: ProviderError): AppError {
  return (
    sensitiveContentError(error.code ?? '', error) ??
    appError('server-error', `The service could not produce this image.${quoteProvider(error)}`)
  );
}

/** An error event that ends a streamed answer early. */
export function mapStreamFailure(error: ProviderError): AppError {
  return (
    sensitiveContentError(error.code ?? '', error) ??
    appError('server-error', `The service stopped the generation before it finished.${quoteProvider(error)}`)
  );
}

const dnsCodes = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);

/** OpenSSL's verification failures as Node reports them, in plain words. */
const certificateReasons: Record<string, string> = {
  CERT_HAS_EXPIRED: 'its certificate has expired (or the system clock is wrong)',
  CERT_NOT_YET_VALID: 'its certificate is not valid yet (or the system clock is wrong)',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate was issued for another name',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'it presented a self-signed certificate that this computer does not trust',
  SELF_SIGNED_CERT_IN_CHAIN: 'its certificate comes from an authority that this computer does not trust',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    'its certificate comes from an authority that this computer does not trust',
  UNABLE_TO_GET_ISSUER_CERT: 'its certificate comes from an authority that this computer does not trust',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    'its certificate comes from an authority that this computer does not trust',
  CERT_REVOKED: 'its certificate has been revoked',
  CERT_SIGNATURE_FAILURE: 'its certificate signature is invalid',
};
const certificateCode =
  /^(CERT_|ERR_TLS_CERT|DEPTH_ZERO_SELF_SIGNED|SELF_SIGNED_CERT|UNABLE_TO_(GET|VERIFY)|ERR_SSL_)/;

/** Whether a failure before sending is worth another attempt: a bad address, certificate or proxy setting is not. */
export function isPermanentTransportFailure(failure: TransportError): boolean {
  return (
    failure.code === invalidUrlCode ||
    failure.code === proxyUnusableCode ||
    (failure.code === proxyRefusedCode && failure.status === 407) ||
    certificateCode.test(failure.code)
  );
}

/** How the exchange was cut short by us rather than by the network. */
export type StopCause = 'cancelled' | 'timeout' | undefined;

function proxyFailure(failure: TransportError, proxy: string): AppError | undefined {
  if (failure.code === proxyRefusedCode) {
    if (failure.status === 407) {
      return appError(
        'offline',
        `The proxy ${proxy} asks for a user name and password (HTTP 407). Enter them in the proxy address in Settings, as http://user:password@host:port.`,
      );
    }
    return appError(
      'offline',
      `The proxy ${proxy} could not reach ${failure.host} (HTTP ${failure.status ?? '?'}).`,
    );
  }
  if (failure.phase === 'connect' && !certificateCode.test(failure.code)) {
    return appError(
      'offline',
      `Cannot connect to the proxy ${proxy} (${failure.code}), which is set for ${failure.host}. Check the proxy in Settings or in the system's network settings.`,
    );
  }
  return undefined;
}

function describeCause(failure: TransportError): string | undefined {
  return failure.cause instanceof Error ? failure.cause.message : undefined;
}

export function mapTransportFailure(failure: TransportError, stopCause: StopCause): AppError {
  if (failure.code === abortedCode || stopCause) {
    return stopCause === 'timeout'
      ? appError('timeout', 'The service took too long to answer, so the request was stopped.')
      : appError('cancelled', 'Cancelled.');
  }
  if (failure.code === idleTimeoutCode) {
    return appError('timeout', `${failure.host} stopped sending data, so the transfer was stopped.`);
  }
  if (failure.code === invalidUrlCode) {
    return appError('bad-request', 'The address is not a valid http:// or https:// URL.');
  }
  const viaProxy = failure.proxy === undefined ? undefined : proxyFailure(failure, failure.proxy);
  if (viaProxy) return viaProxy;
  if (failure.code === proxyUnusableCode) {
    return appError('offline', describeCause(failure) ?? 'The proxy settings cannot be used.');
  }
  if (dnsCodes.has(failure.code)) {
    return appError(
      'offline',
      `Cannot find ${failure.host}. Check the internet connection and the API base URL.`,
    );
  }
  if (certificateCode.test(failure.code)) {
    const reason = certificateReasons[failure.code] ?? 'its certificate could not be verified';
    return appError(
      'offline',
      `The secure connection to ${failure.host} was refused: ${reason} (${failure.code}). If your network inspects secure traffic, its root certificate must be installed in the system's certificate store, which the app trusts.`,
    );
  }
  if (failure.code === badResponseCode) {
    return appError('connection-lost', `${failure.host} sent an answer that is not valid HTTP.`);
  }
  if (failure.phase === 'connect') {
    return appError(
      'offline',
      `Cannot connect to ${failure.host}. Check the internet connection and the API base URL.`,
    );
  }
  const cut = failure.code === truncatedCode ? 'ended early' : 'was lost';
  return appError(
    'connection-lost',
    `The connection to ${failure.host} ${cut} before the answer was complete.`,
  );
}

/** `Retry-After` as seconds from now: either delta-seconds or an HTTP date. */
export function parseRetryAfter(header: string | undefined, now: number): number | undefined {
  if (header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
