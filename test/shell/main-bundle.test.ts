import { mkdtempSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';

let bundle = '';

beforeAll(async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'main-'));
  await build({
    configFile: new URL('../../vite.config.ts', import.meta.url).pathname,
    mode: 'main',
    logLevel: 'silent',
    build: { outDir, sourcemap: false },
  });
  bundle = readFileSync(join(outDir, 'index.cjs'), 'utf8');
}, 60_000);

describe('main process bundle', () => {
  it('loads only Electron, Node built-ins and the native modules from node_modules', () => {
    const allowed = new Set([
      'electron',
      'better-sqlite3',
      'keytar',
      'sharp',
      'electron-updater',
      ...builtinModules,
    ]);
    const required = [...bundle.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) =>
      (m[1] ?? '').replace(/^node:/, ''),
    );
    expect(required.length).toBeGreaterThan(0);
    // Some built-ins exist only with their prefix (undici asks for node:sqlite, inside a guard).
    const builtIn = (name: string) => allowed.has(name) || builtinModules.includes(`node:${name}`);
    expect(required.filter((name) => !builtIn(name))).toEqual([]);
  });
});

describe('image codec in the main bundle', () => {
  it('is never loaded when the bundle loads: Electron on Linux must not get native libvips', () => {
    const topLevel = [...bundle.matchAll(/^(?:var|const|let) \w+ = .*require\(\s*["'`]sharp["'`]\s*\)/gm)];
    expect(topLevel).toEqual([]);
    expect(bundle).not.toMatch(/require\(\s*["'`]sharp["'`]\s*\)/);
  });
});
