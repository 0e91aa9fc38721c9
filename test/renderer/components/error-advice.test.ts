import { describe, expect, it } from 'vitest';
import { adviseOn } from '../../../src-renderer/components/error-advice';

describe('adviseOn', () => {
  it('sends key problems to Settings', () => {
    expect(adviseOn({ code: 'key-missing', message: 'No key' })).toEqual({ kind: 'settings' });
    expect(adviseOn({ code: 'key-rejected', message: 'Rejected' })).toEqual({ kind: 'settings' });
  });

  it('asks to wait as long as the provider said, rounded up, with a default when it did not say', () => {
    expect(adviseOn({ code: 'rate-limited', message: 'Slow down', retryAfterSeconds: 7.2 })).toEqual({
      kind: 'wait',
      seconds: 8,
    });
    expect(adviseOn({ code: 'rate-limited', message: 'Slow down' })).toEqual({ kind: 'wait', seconds: 30 });
  });

  it('points at the control an error names, and at the prompt for rejected content', () => {
    expect(adviseOn({ code: 'bad-request', message: 'Bad size', field: 'size' })).toEqual({
      kind: 'field',
      field: 'size',
    });
    expect(adviseOn({ code: 'content-rejected', message: 'Sensitive', field: 'references' })).toEqual({
      kind: 'field',
      field: 'references',
    });
    expect(adviseOn({ code: 'content-rejected', message: 'Sensitive' })).toEqual({
      kind: 'field',
      field: 'prompt',
    });
    expect(adviseOn({ code: 'bad-request', message: 'Odd', field: 'nonsense' })).toEqual({ kind: 'none' });
  });
});
