import { describe, expect, it } from 'vitest';
import { AppFailure, appError } from '../../src-preload/contract/errors';
import { channels } from '../../src-preload/contract/ipc';
import { createDispatch, type Handlers } from '../../src-main/ipc/dispatch';
import { createSenderCheck } from '../../src-main/ipc/trusted-sender';

function handlersWith(overrides: Partial<Record<keyof Handlers, (input: never) => unknown>>): Handlers {
  const all = Object.fromEntries(
    Object.keys(channels).map((name) => [
      name,
      overrides[name as keyof Handlers] ??
        (() => {
          throw new Error(`unexpected call to ${name}`);
        }),
    ]),
  );
  // Tests provide only the handlers they exercise; the rest fail loudly if reached.
  return all as unknown as Handlers;
}

const appPage = { url: 'app://studio/index.html#/generate', isMainFrame: true };
const logged: unknown[] = [];
const options = {
  isTrustedSender: createSenderCheck('app://studio'),
  logError: (_c: string, e: unknown) => logged.push(e),
};

describe('IPC dispatch', () => {
  it('answers the app page with the handler value', async () => {
    const dispatch = createDispatch(
      handlersWith({
        'collections:create': (input: { name: string }) => ({ id: 1, name: input.name, imageCount: 0 }),
      }),
      options,
    );
    await expect(dispatch('collections:create', { name: ' Cats ' }, appPage)).resolves.toEqual({
      ok: true,
      value: { id: 1, name: 'Cats', imageCount: 0 },
    });
  });

  it('refuses a sender from another origin, an iframe, or a page that navigated away', async () => {
    let called = 0;
    const dispatch = createDispatch(handlersWith({ 'key:status': () => (called += 1) }), options);
    for (const sender of [
      { url: 'https://evil.example/', isMainFrame: true },
      { url: 'app://studio/index.html', isMainFrame: false },
      { url: 'file:///tmp/index.html', isMainFrame: true },
      { url: '', isMainFrame: true },
    ]) {
      const result = await dispatch('key:status', undefined, sender);
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    expect(called).toBe(0);
  });

  it('refuses unknown channels, including inherited object keys', async () => {
    const dispatch = createDispatch(handlersWith({}), options);
    await expect(dispatch('shell:exec', {}, appPage)).resolves.toMatchObject({
      error: { code: 'unknown-channel' },
    });
    await expect(dispatch('constructor', {}, appPage)).resolves.toMatchObject({
      error: { code: 'unknown-channel' },
    });
  });

  it('validates input against the contract and names the field', async () => {
    let called = 0;
    const dispatch = createDispatch(handlersWith({ 'library:detail': () => (called += 1) }), options);
    const result = await dispatch('library:detail', { id: '../../etc/passwd' }, appPage);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'id' } });
    expect(called).toBe(0);
  });

  it('passes AppFailure through as a readable error', async () => {
    const dispatch = createDispatch(
      handlersWith({
        'key:test': () => {
          throw new AppFailure(appError('key-rejected', 'CometAPI rejected the key.'));
        },
      }),
      options,
    );
    await expect(dispatch('key:test', undefined, appPage)).resolves.toEqual({
      ok: false,
      error: { code: 'key-rejected', message: 'CometAPI rejected the key.' },
    });
  });

  it('never sends a stack trace or internal message across', async () => {
    const dispatch = createDispatch(
      handlersWith({
        'library:stats': () => {
          throw new Error('SQLITE_CORRUPT at /home/user/.config/secret/path.db');
        },
      }),
      options,
    );
    const result = await dispatch('library:stats', undefined, appPage);
    expect(result.ok).toBe(false);
    const text = JSON.stringify(result);
    expect(text).not.toContain('SQLITE_CORRUPT');
    expect(text).not.toContain('/home/user');
    expect(text).not.toMatch(/at .*:\d+:\d+/);
    expect(result).toMatchObject({ error: { code: 'internal' } });
    expect(logged.length).toBeGreaterThan(0);
  });
});
