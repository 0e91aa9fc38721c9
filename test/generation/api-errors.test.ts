import { describe, expect, it } from 'vitest';
import {
  fieldForParam,
  mapApiFailure,
  mapItemFailure,
  mapTransportFailure,
  parseProviderError,
  parseRetryAfter,
} from '../../src-main/generation/api-errors';
import { TransportError } from '../../src-main/network/transport-error';

describe('parseProviderError', () => {
  it('reads the OpenAI-style wrapper, a bare object and the storage shape', () => {
    expect(
      parseProviderError('{"error":{"message":"m","type":"t","param":"size","code":"InvalidParameter"}}'),
    ).toEqual({
      message: 'm',
      type: 't',
      param: 'size',
      code: 'InvalidParameter',
    });
    expect(parseProviderError('{"message":"m","code":429}')).toMatchObject({ message: 'm', code: '429' });
    expect(parseProviderError('{"Code":"AccessDenied","Message":"expired"}')).toEqual({
      code: 'AccessDenied',
      message: 'expired',
    });
    expect(parseProviderError('<html>502 Bad Gateway</html>')).toEqual({});
  });
});

describe('mapApiFailure', () => {
  it.each([
    [401, {}, 'key-rejected'],
    [400, { code: 'AuthenticationError' }, 'key-rejected'],
    [402, {}, 'no-credit'],
    [403, { code: 'AccountOverdueError' }, 'no-credit'],
    [403, {}, 'forbidden'],
    [429, {}, 'rate-limited'],
    [500, {}, 'server-error'],
    [504, {}, 'server-error'],
    [400, {}, 'bad-request'],
    [404, {}, 'bad-request'],
  ] as const)('maps HTTP %i %o to %s', (status, error, code) => {
    expect(mapApiFailure(status, error).code).toBe(code);
  });

  it('maps each sensitive-content code to the control it concerns', () => {
    expect(mapApiFailure(400, { code: 'InputTextSensitiveContentDetected' })).toMatchObject({
      code: 'content-rejected',
      field: 'prompt',
    });
    expect(mapApiFailure(400, { code: 'InputImageSensitiveContentDetected' })).toMatchObject({
      code: 'content-rejected',
      field: 'references',
    });
    expect(mapApiFailure(400, { code: 'OutputImageSensitiveContentDetected' })).toEqual({
      code: 'content-rejected',
      message: expect.stringContaining('sensitive') as string,
    });
  });

  it('carries Retry-After and points a param at its field', () => {
    expect(mapApiFailure(429, {}, 12)).toMatchObject({ code: 'rate-limited', retryAfterSeconds: 12 });
    expect(mapApiFailure(400, { param: 'image', message: 'too big' })).toMatchObject({ field: 'references' });
    expect(mapApiFailure(400, { param: 'unknown_thing' }).field).toBeUndefined();
  });

  it('quotes the provider briefly, never at length', () => {
    const message = mapApiFailure(400, { message: 'x'.repeat(5000) }).message;
    expect(message.length).toBeLessThan(500);
  });
});

describe('fieldForParam', () => {
  it('finds the control behind nested params', () => {
    expect(fieldForParam('sequential_image_generation_options.max_images')).toBe('maxImages');
    expect(fieldForParam('image[3]')).toBe('references');
    expect(fieldForParam('guidance_scale')).toBe('guidanceScale');
  });
});

describe('mapItemFailure', () => {
  it('explains a withheld image', () => {
    expect(mapItemFailure({ code: 'OutputImageSensitiveContentDetected' }).code).toBe('content-rejected');
    expect(mapItemFailure({ code: 'Other', message: 'boom' })).toMatchObject({ code: 'server-error' });
  });
});

describe('mapTransportFailure', () => {
  const failure = (phase: 'connect' | 'sent', code: string) => new TransportError(phase, code, 'api.example');
  it('tells DNS and refused connections apart from lost ones', () => {
    expect(mapTransportFailure(failure('connect', 'ENOTFOUND'), undefined)).toMatchObject({
      code: 'offline',
      message: expect.stringContaining('Cannot find api.example') as string,
    });
    expect(mapTransportFailure(failure('connect', 'ECONNREFUSED'), undefined).code).toBe('offline');
    expect(mapTransportFailure(failure('sent', 'ECONNRESET'), undefined).code).toBe('connection-lost');
    expect(mapTransportFailure(failure('sent', 'IDLE_TIMEOUT'), undefined).code).toBe('timeout');
  });

  it('names a certificate that could not be verified instead of blaming the connection', () => {
    const error = mapTransportFailure(failure('connect', 'CERT_HAS_EXPIRED'), undefined);
    expect(error.code).toBe('offline');
    expect(error.message).toContain('api.example');
    expect(error.message).toContain('its certificate has expired (or the system clock is wrong)');
    expect(error.message).toContain('(CERT_HAS_EXPIRED)');
    expect(
      mapTransportFailure(failure('connect', 'ERR_TLS_CERT_ALTNAME_INVALID'), undefined).message,
    ).toContain('its certificate was issued for another name');
    expect(
      mapTransportFailure(failure('connect', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'), undefined).message,
    ).toContain('an authority that this computer does not trust');
  });

  it('calls an answer that is not HTTP a lost connection, so downloads retry it', () => {
    const error = mapTransportFailure(failure('sent', 'BAD_RESPONSE'), undefined);
    expect(error).toMatchObject({
      code: 'connection-lost',
      message: 'api.example sent an answer that is not valid HTTP.',
    });
  });

  it('says whether the user or the deadline stopped the request', () => {
    expect(mapTransportFailure(failure('sent', 'ABORTED'), 'cancelled').code).toBe('cancelled');
    expect(mapTransportFailure(failure('sent', 'ABORTED'), 'timeout').code).toBe('timeout');
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
