import { describe, expect, it } from 'vitest';
import { allOk, settle, thrownToError } from '../../src-renderer/result';

describe('reading Results', () => {
  it('combines Results into their values in order, or the first failure', () => {
    expect(
      allOk([
        { ok: true, value: 1 },
        { ok: true, value: 'two' },
      ] as const),
    ).toEqual({ ok: true, value: [1, 'two'] });
    const first = { code: 'offline', message: 'No connection.' } as const;
    expect(
      allOk([
        { ok: true, value: 1 },
        { ok: false, error: first },
        { ok: false, error: { code: 'internal', message: 'Later.' } },
      ]),
    ).toEqual({ ok: false, error: first });
  });

  it('turns a browser call that throws or rejects into a failure with its message', async () => {
    expect(await settle(() => Promise.resolve(3))).toEqual({ ok: true, value: 3 });
    expect(await settle(() => Promise.reject(new Error('Clipboard denied.')))).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Clipboard denied.' },
    });
    expect(thrownToError('plain')).toEqual({ code: 'internal', message: 'plain' });
  });
});
