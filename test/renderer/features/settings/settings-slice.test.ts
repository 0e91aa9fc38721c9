import { describe, expect, it } from 'vitest';
import type { Result } from '../../../../src-preload/contract/errors';
import type { KeyStatus, Settings } from '../../../../src-preload/contract/ipc';
import { testApp } from '../../support/app-store';
import { deferred, failed, ok } from '../../support/fake-api';
import { settle } from '../../support/manual-timers';
import { testSettings } from '../../support/settings';

const settings: Settings = testSettings({ language: 'system' });
/** What main says of the way to the gateway; asked again after every change. */
const direct = () => ok({ source: 'system' as const, proxy: null, problem: null });
const keychain = (last4: string | null, gateway = settings.apiBaseUrl): KeyStatus => ({
  source: last4 ? 'keychain' : 'none',
  last4,
  gateway,
  keychainAvailable: true,
  keychainProblem: null,
});

describe('the settings slice', () => {
  it('loads the settings and the key status together, or keeps why it could not', async () => {
    const app = testApp({
      'settings:get': () => ok(settings),
      'key:status': () => ok(keychain('abcd')),
      'network:status': direct,
    });
    await app.store.getState().loadSettings();
    expect(app.store.getState()).toMatchObject({
      settings,
      keyStatus: { last4: 'abcd' },
      settingsError: null,
    });

    app.fake.answer({ 'key:status': () => failed('The keychain is locked.', 'keychain-unavailable') });
    await app.store.getState().loadSettings();
    expect(app.store.getState().settingsError).toEqual({
      code: 'keychain-unavailable',
      message: 'The keychain is locked.',
    });
  });

  it('shows what it is busy with while a key is saved, and forgets an old connection test', async () => {
    const answer = deferred<Result<KeyStatus>>();
    const app = testApp({ 'key:save': () => answer.promise });
    app.store.setState({ connection: { ok: true, code: null, message: 'The key works.' } });
    const saving = app.store.getState().saveKey('sk-new-key-1234', false);
    await settle();
    expect(app.store.getState().settingsBusy).toBe('saving-key');
    answer.resolve(ok(keychain('1234')));
    expect(await saving).toBe(true);
    expect(app.fake.callsTo('key:save')).toEqual([{ key: 'sk-new-key-1234', sessionOnly: false }]);
    expect(app.store.getState()).toMatchObject({
      settingsBusy: null,
      connection: null,
      keyStatus: { last4: '1234' },
    });
  });

  it('keeps a refused change for the view and reports it did not take', async () => {
    const app = testApp({
      'settings:update': () =>
        failed('Enter a full address that starts with http:// or https://', 'invalid-input'),
    });
    expect(await app.store.getState().updateSettings({ apiBaseUrl: 'ftp://example.com' })).toBe(false);
    expect(app.store.getState()).toMatchObject({
      settingsBusy: null,
      settingsError: { code: 'invalid-input' },
      settings: null,
    });
  });

  it('tests the connection and removes the key', async () => {
    const app = testApp({
      'key:test': () => ok({ ok: false, code: 'key-rejected', message: 'The key was rejected.' }),
      'key:remove': () => ok(keychain(null)),
    });
    await app.store.getState().testConnection();
    expect(app.store.getState().connection).toMatchObject({ ok: false, code: 'key-rejected' });
    await app.store.getState().removeKey();
    expect(app.store.getState()).toMatchObject({ keyStatus: { source: 'none' }, connection: null });
  });

  it('reads the key status again for a new gateway address, whose key may differ', async () => {
    const app = testApp({
      'settings:update': (patch) => ok({ ...settings, ...patch }),
      'key:status': () => ok(keychain(null, 'https://gateway.example.com')),
      'network:status': direct,
    });
    app.store.setState({
      keyStatus: keychain('abcd'),
      connection: { ok: true, code: null, message: 'Works.' },
    });
    expect(await app.store.getState().updateSettings({ apiBaseUrl: 'https://gateway.example.com' })).toBe(
      true,
    );
    expect(app.store.getState()).toMatchObject({
      settings: { apiBaseUrl: 'https://gateway.example.com' },
      keyStatus: { source: 'none', gateway: 'https://gateway.example.com' },
      connection: null,
    });

    await app.store.getState().updateSettings({ progressiveResults: true });
    expect(app.fake.callsTo('key:status')).toHaveLength(1);
  });

  it('asks which proxy the gateway is reached through on loading, and again after a change', async () => {
    const app = testApp({
      'settings:get': () => ok(settings),
      'key:status': () => ok(keychain('abcd')),
      'settings:update': (patch) => ok({ ...settings, ...patch }),
      'network:status': direct,
    });
    await app.store.getState().loadSettings();
    expect(app.store.getState().networkStatus).toEqual({ source: 'system', proxy: null, problem: null });
    app.fake.answer({
      'network:status': () => ok({ source: 'manual', proxy: 'http://proxy.corp:8080', problem: null }),
    });
    await app.store.getState().updateSettings({ proxyMode: 'manual', proxyUrl: 'http://proxy.corp:8080' });
    expect(app.store.getState().networkStatus).toMatchObject({
      source: 'manual',
      proxy: 'http://proxy.corp:8080',
    });
    expect(app.fake.callsTo('network:status')).toHaveLength(2);
  });
});
