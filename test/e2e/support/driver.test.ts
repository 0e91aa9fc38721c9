import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chooseDriver } from './driver';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('end-to-end driver choice', () => {
  it('uses Chromium when no Electron binary is installed', () => {
    vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', '/nonexistent/electron-dist');
    vi.stubEnv('SEEDREAM_CHROMIUM_PATH', process.execPath);
    expect(chooseDriver()).toMatchObject({ name: 'chromium', executable: process.execPath });
  });

  it('uses Electron when its binary is present', () => {
    const dist = mkdtempSync(join(tmpdir(), 'electron-dist-'));
    // Without path.txt (no binary was ever downloaded) the package's executable is called plain "electron".
    writeFileSync(join(dist, 'electron'), '');
    vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', dist);
    expect(chooseDriver()).toMatchObject({ name: 'electron', executable: join(dist, 'electron') });
  });

  it('fails loudly, never skips, when neither Electron nor Chromium is available', () => {
    vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', '/nonexistent/electron-dist');
    vi.stubEnv('SEEDREAM_CHROMIUM_PATH', '/nonexistent/chromium');
    expect(() => chooseDriver()).toThrow(/No way to run the end-to-end tests/);
  });

  it('fails when a forced driver is missing', () => {
    vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', '/nonexistent/electron-dist');
    vi.stubEnv('SEEDREAM_E2E_DRIVER', 'electron');
    expect(() => chooseDriver()).toThrow(/no Electron binary is installed/);
  });

  it('refuses an unknown forced driver', () => {
    vi.stubEnv('SEEDREAM_E2E_DRIVER', 'firefox');
    expect(() => chooseDriver()).toThrow(/must be "electron" or "chromium"/);
  });
});
