import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

export type DriverName = 'electron' | 'chromium';

export interface DriverChoice {
  name: DriverName;
  executable: string;
  reason: string;
}

/**
 * Where the electron package keeps its binary, found without `require('electron')`, which would try to
 * download a missing binary (and fail slowly on a closed network) instead of reporting it missing.
 */
function electronBinary(): string | null {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? join(override, executable || 'electron')
    : executable
      ? join(packageDir, 'dist', executable)
      : null;
  return candidate !== null && existsSync(candidate) ? candidate : null;
}

/**
 * Real Electron when its binary is present, otherwise the built renderer in Debian's Chromium. Setting
 * SEEDREAM_E2E_DRIVER forces one; a forced driver that is missing is an error, never a skip.
 */
export function chooseDriver(): DriverChoice {
  const chromiumPath = process.env.SEEDREAM_CHROMIUM_PATH ?? '/usr/bin/chromium';
  const forced = process.env.SEEDREAM_E2E_DRIVER;
  const electron = electronBinary();
  const chromium = existsSync(chromiumPath) ? chromiumPath : null;
  if (forced && forced !== 'electron' && forced !== 'chromium') {
    throw new Error(`SEEDREAM_E2E_DRIVER must be "electron" or "chromium", not "${forced}".`);
  }
  if (forced !== 'chromium' && electron) {
    return { name: 'electron', executable: electron, reason: 'an Electron binary is installed' };
  }
  if (forced !== 'electron' && chromium) {
    return {
      name: 'chromium',
      executable: chromium,
      reason: forced
        ? 'forced by SEEDREAM_E2E_DRIVER'
        : `no Electron binary here; using Chromium at ${chromium}`,
    };
  }
  throw new Error(
    forced === 'electron'
      ? 'SEEDREAM_E2E_DRIVER=electron, but no Electron binary is installed (npm install electron, or set ELECTRON_OVERRIDE_DIST_PATH).'
      : `No way to run the end-to-end tests: no Electron binary is installed and ${chromiumPath} does not exist. Install Electron, or Debian's chromium package.`,
  );
}
