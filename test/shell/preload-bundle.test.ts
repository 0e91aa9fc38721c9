import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { channels, events } from '../../src-preload/contract/ipc';

let bundle = '';

beforeAll(async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'preload-'));
  await build({
    configFile: new URL('../../vite.config.ts', import.meta.url).pathname,
    mode: 'preload',
    logLevel: 'silent',
    build: { outDir, sourcemap: false },
  });
  bundle = readFileSync(join(outDir, 'index.cjs'), 'utf8');
}, 60_000);

function runWithFakeElectron() {
  const exposed: { name: string; api: Record<string, unknown> }[] = [];
  const invoked: [string, unknown][] = [];
  const subscribed: string[] = [];
  const fakeElectron = {
    contextBridge: {
      exposeInMainWorld: (name: string, api: Record<string, unknown>) => exposed.push({ name, api }),
    },
    ipcRenderer: {
      invoke: (channel: string, input: unknown) => {
        invoked.push([channel, input]);
        return Promise.resolve({ ok: true, value: null });
      },
      on: (event: string) => subscribed.push(event),
      removeListener: () => undefined,
    },
  };
  const required: string[] = [];
  const module = { exports: {} };
  runInNewContext(bundle, {
    require: (name: string) => {
      required.push(name);
      if (name === 'electron') return fakeElectron;
      throw new Error(`The sandboxed preload cannot require ${name}`);
    },
    module,
    exports: module.exports,
  });
  return { exposed, invoked, subscribed, required };
}

describe('preload bundle', () => {
  it('subscribes only to the events the contract names', () => {
    const { exposed, subscribed } = runWithFakeElectron();
    const on = exposed[0]?.api.on as (event: unknown, listener: unknown) => () => void;
    for (const event of Object.keys(events)) on(event, () => undefined);
    for (const event of ['ELECTRON_BROWSER_WINDOW_ALERT', 'key:status', '__proto__', 'toString', '']) {
      expect(() => on(event, () => undefined), event).toThrow(/no event called/);
    }
    expect(() => on(42, () => undefined)).toThrow(/no event called/);
    expect(() => on('generation:progress', 'not a function')).toThrow(/must be a function/);
    expect(subscribed).toEqual(Object.keys(events));
  });

  it('requires nothing but electron', () => {
    const requires = [...bundle.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
    expect(runWithFakeElectron().required).toEqual(['electron']);
  });

  it('exposes exactly one object, built from the contract, with no raw ipcRenderer', () => {
    const { exposed } = runWithFakeElectron();
    expect(exposed.map((e) => e.name)).toEqual(['seedream']);
    const api = exposed[0]?.api ?? {};
    const domains = [...new Set(Object.keys(channels).map((c) => c.split(':')[0]))];
    expect(Object.keys(api).sort()).toEqual([...domains, 'on'].sort());
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipcRenderer|invoke|send/);
  });

  it('maps each function to its own channel', async () => {
    const { exposed, invoked } = runWithFakeElectron();
    const api = exposed[0]?.api as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
    await api.library?.detail?.({ id: 7 });
    await api.key?.status?.();
    expect(invoked).toEqual([
      ['library:detail', { id: 7 }],
      ['key:status', undefined],
    ]);
  });
});
