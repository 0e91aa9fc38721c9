import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appUserDataDir } from '../../src-main/cli/app-dirs';
import { runCli } from '../../src-main/cli/run-cli';
import { MemorySecretStore } from '../../src-main/keychain/secret-store';
import { silentLogger } from '../../src-main/logging/logger';
import { defaultSettings } from '../../src-main/settings/settings-store';
import { useFakeCometApi } from '../support/fake-cometapi-server';
import { nativeCodec } from '../support/codecs';

const api = useFakeCometApi();
let home: string;

beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'seedream-cli-budget-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: { HOME: home, COMETAPI_KEY: api.fake.apiKey, SEEDREAM_API_BASE_URL: api.fake.baseUrl },
    platform: 'linux',
    homedir: home,
    signal: new AbortController().signal,
    imageCodec: () => nativeCodec,
    secretStore: new MemorySecretStore(),
    log: silentLogger,
  });
  return { code, stdout, stderr };
}

async function writeSettings(patch: Partial<typeof defaultSettings>): Promise<void> {
  const dir = appUserDataDir({ platform: 'linux', env: { HOME: home }, homedir: home });
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'settings.json'), JSON.stringify({ ...defaultSettings, ...patch }));
}

const posts = () => api.fake.stats.requests.filter((entry) => entry.method === 'POST').length;

describe('the command line and budgets', () => {
  it('obeys the daily budget set in the app, refusing before anything is sent', async () => {
    const first = await cli(['generate', '--prompt', 'a boat', '--json']);
    expect(first.code).toBe(0);
    expect(posts()).toBe(1);

    await writeSettings({ dailyBudgetMicros: 60_000 });
    const refused = await cli(['generate', '--prompt', 'another boat']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'This request could cost up to $0.04, and $0.04 of your daily budget of $0.06 is already spent today. Nothing was sent.',
    );
    expect(posts()).toBe(1);

    await writeSettings({ dailyBudgetMicros: 80_000 });
    expect((await cli(['generate', '--prompt', 'a third boat'])).code).toBe(0);
    expect(posts()).toBe(2);
  });

  it('sends a second gateway its own ids when told which kind it is', async () => {
    const refused = await cli(['generate', '--prompt', 'a kite', '--model', 'seedream-5-0-flash-260915']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('CometAPI does not offer Seedream 5.0 flash');
    expect(posts()).toBe(0);
    const byteplus = await cli(['generate', '--prompt', 'a kite', '--gateway', 'byteplus']);
    // The CometAPI fake answers 404 to Ark's path, which shows the path and id that were sent.
    expect(byteplus.code).toBe(1);
    expect(api.fake.stats.requests.at(-1)).toEqual({ method: 'POST', path: '/api/v3/images/generations' });
  });
});
