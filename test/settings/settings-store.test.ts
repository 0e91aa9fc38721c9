import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createSettingsStore,
  defaultSettings,
  readSettingsFile,
} from '../../src-main/settings/settings-store';

function tempFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'settings-')), 'settings.json');
}

describe('settings store', () => {
  it('starts from the defaults when there is no file', () => {
    expect(createSettingsStore(tempFile()).get()).toEqual(defaultSettings);
  });

  it('persists updates and reads them back', () => {
    const file = tempFile();
    createSettingsStore(file).update({ apiBaseUrl: 'http://127.0.0.1:9999', progressiveResults: true });
    expect(createSettingsStore(file).get()).toMatchObject({
      apiBaseUrl: 'http://127.0.0.1:9999',
      progressiveResults: true,
    });
  });

  it('refuses an invalid address and keeps the previous one', () => {
    const file = tempFile();
    const store = createSettingsStore(file);
    expect(() => store.update({ apiBaseUrl: 'ftp://example.com' })).toThrow(/http/);
    expect(() => store.update({ apiBaseUrl: 'not a url' })).toThrow();
    expect(store.get().apiBaseUrl).toBe(defaultSettings.apiBaseUrl);
  });

  it('refuses plain http to another host, in an update and in a file written before the rule', () => {
    const file = tempFile();
    const store = createSettingsStore(file);
    expect(() => store.update({ apiBaseUrl: 'http://gw.example' })).toThrow(/unencrypted/);
    writeFileSync(file, JSON.stringify({ apiBaseUrl: 'http://gw.example', language: 'en' }));
    expect(readSettingsFile(file)).toEqual({ ...defaultSettings, language: 'en' });
    expect(() => createSettingsStore(file, { apiBaseUrl: 'http://gw.example' })).toThrow(/unencrypted/);
  });

  it('stores a manual proxy in a normal form and refuses one that cannot be used, by its field', () => {
    const file = tempFile();
    const store = createSettingsStore(file);
    expect(store.update({ proxyMode: 'manual', proxyUrl: ' proxy.corp:8080 ' })).toMatchObject({
      proxyMode: 'manual',
      proxyUrl: 'http://proxy.corp:8080',
    });
    expect(() => store.update({ proxyUrl: 'ftp://proxy.corp:21' })).toThrow(
      expect.objectContaining({ appError: expect.objectContaining({ field: 'proxyUrl' }) as unknown }),
    );
    expect(() => store.update({ proxyUrl: '' })).toThrow(/address of the proxy/);
    expect(createSettingsStore(file).get().proxyUrl).toBe('http://proxy.corp:8080');
    // Back to the system's settings, the address typed before is kept for next time.
    expect(store.update({ proxyMode: 'system' })).toMatchObject({ proxyUrl: 'http://proxy.corp:8080' });
  });

  it('keeps the good fields of a damaged file and defaults the rest', () => {
    const file = tempFile();
    writeFileSync(
      file,
      JSON.stringify({ apiBaseUrl: 'https://gw.example', progressiveResults: 'yes', language: 'xx' }),
    );
    expect(readSettingsFile(file)).toEqual({ ...defaultSettings, apiBaseUrl: 'https://gw.example' });
    writeFileSync(file, '{ not json');
    expect(readSettingsFile(file)).toEqual(defaultSettings);
  });

  it('lets the environment override the address without writing it to disk', () => {
    const file = tempFile();
    const store = createSettingsStore(file, { apiBaseUrl: 'http://127.0.0.1:1234' });
    expect(store.get().apiBaseUrl).toBe('http://127.0.0.1:1234');
    expect(store.update({ progressiveResults: true }).apiBaseUrl).toBe('http://127.0.0.1:1234');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ ...defaultSettings, progressiveResults: true });
  });

  it('drops an override once the user changes that field', () => {
    const store = createSettingsStore(tempFile(), { apiBaseUrl: 'http://127.0.0.1:1234' });
    expect(store.update({ apiBaseUrl: 'https://gw.example' }).apiBaseUrl).toBe('https://gw.example');
    expect(store.get().apiBaseUrl).toBe('https://gw.example');
  });
});
