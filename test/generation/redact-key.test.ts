import { describe, expect, it } from 'vitest';
import { appError } from '../../src-preload/contract/errors';
import { redactKey } from '../../src-main/generation/redact-key';

describe('redactKey', () => {
  it('replaces every quotation of the key', () => {
    const error = appError('key-rejected', 'Bearer sk-live-123456 was refused; sk-live-123456 is not valid.');
    expect(redactKey(error, 'sk-live-123456')).toEqual({
      code: 'key-rejected',
      message: 'Bearer [API key] was refused; [API key] is not valid.',
    });
  });

  it('leaves messages alone when the key is absent or too short to be a real key', () => {
    const error = appError('server-error', 'The service had a problem.');
    expect(redactKey(error, 'sk-live-123456')).toBe(error);
    expect(redactKey(error, 'the')).toBe(error);
    expect(redactKey(error, '')).toBe(error);
  });
});
