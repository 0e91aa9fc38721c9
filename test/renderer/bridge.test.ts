import { afterEach, describe, expect, it } from 'vitest';
import { connectBridge } from '../../src-renderer/bridge';
import { fakeApi, ok } from './support/fake-api';
import { testSettings } from './support/settings';

type Exposed = { seedream?: unknown };

afterEach(() => {
  delete (window as Exposed).seedream;
});

describe('connectBridge', () => {
  it('answers with main’s Result, and turns a rejected invoke into a failure instead of a throw', async () => {
    const fake = fakeApi({
      'settings:get': () => ok(testSettings({ apiBaseUrl: 'https://a.example' })),
    });
    (window as Exposed).seedream = fake.api;
    const api = connectBridge();
    expect(await api.settings.get()).toMatchObject({ ok: true, value: { language: 'en' } });
    expect(await api.key.status()).toEqual({
      ok: false,
      error: { code: 'internal', message: 'The test did not expect a call to key:status.' },
    });
  });

  it('passes events through', () => {
    const fake = fakeApi();
    (window as Exposed).seedream = fake.api;
    const seen: string[] = [];
    connectBridge().on('library:changed', ({ reason }) => seen.push(reason));
    fake.emit('library:changed', { reason: 'trashed' });
    expect(seen).toEqual(['trashed']);
  });

  it('says plainly when the preload did not run', () => {
    expect(() => connectBridge()).toThrow('The preload did not expose window.seedream.');
  });
});
