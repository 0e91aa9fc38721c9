import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerationRequestInput } from '../../src-preload/contract/generation';
import { useFakeCometApi } from '../support/fake-cometapi-server';
import { jobFinished, startAppHarness, type AppHarness } from './app-harness';

const canary = `sk-canary-${randomUUID()}`;
const api = useFakeCometApi({ apiKey: canary, scenario: { count: 3 }, freshEachTest: false });
let app: AppHarness;
/** Everything main handed back to the renderer: every call's result. Events are in `app.events`. */
const answers: unknown[] = [];

beforeAll(async () => {
  app = await startAppHarness({ apiBaseUrl: api.fake.baseUrl });
});
afterAll(async () => {
  await app.close();
});

async function call(channel: string, input?: unknown): Promise<unknown> {
  const result = await app.call(channel, input);
  answers.push(result);
  return result;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

const base = { model: 'doubao-seedream-4-5-251128' } as const;
const requests: GenerationRequestInput[] = [
  { ...base, prompt: 'by link', sequential: 'auto', maxImages: 3 },
  { ...base, prompt: 'inline and streamed', responseFormat: 'b64_json', stream: true },
  { ...base, prompt: 'one fails [fake:partial-failure]', sequential: 'auto', maxImages: 3 },
  { ...base, prompt: 'the gateway quotes the key [fake:echo-key]' },
  { ...base, prompt: 'refused [fake:unauthorized]' },
];

describe('the key never leaves the keychain except in the Authorization header', () => {
  it('is nowhere in what the app writes or sends to the renderer', { timeout: 60_000 }, async () => {
    await call('key:verify', { key: canary });
    await call('key:verify', { key: `${canary}-wrong`, saveUnverified: true });
    await call('key:save', { key: canary });
    await call('key:status');
    await call('key:test');
    const png = await sharp({ create: { width: 48, height: 32, channels: 3, background: '#a33' } })
      .png()
      .toBuffer();
    const reference = (await call('references:add', { name: 'ref.png', bytes: new Uint8Array(png) })) as {
      ok: boolean;
      value: { image: { id: number } };
    };
    for (const request of requests) {
      const started = (await call('generation:start', {
        request,
        referenceIds: [reference.value.image.id],
      })) as { ok: true; value: { jobId: string; generationId: number } };
      expect(started.ok).toBe(true);
      await jobFinished(app, started.value.jobId);
      await call('generation:remix', { generationId: started.value.generationId });
    }
    await call('generation:jobs');
    const page = (await call('library:list', {})) as { value: { items: { id: number }[] } };
    for (const image of page.value.items) await call('library:detail', { id: image.id });
    await call('library:stats');
    await call('library:check', { full: true });
    await call('settings:update', { progressiveResults: true, language: 'zh-CN' });

    const leaks: string[] = [];
    const encodings = [Buffer.from(canary, 'utf8'), Buffer.from(canary, 'utf16le')];
    for (const file of await filesUnder(app.userDataDir)) {
      const bytes = await readFile(file);
      if (encodings.some((encoded) => bytes.includes(encoded)))
        leaks.push(path.relative(app.userDataDir, file));
    }
    const sentToRenderer = JSON.stringify({ answers, events: app.events });
    if (sentToRenderer.includes(canary)) leaks.push('a message to the renderer');
    // The log file is among the files above; this also sees what each call handed the logger.
    const logs = app.logLines.flatMap(({ message, details }) => [
      message,
      ...details.map((detail) => `${String(detail)} ${(detail as Error | undefined)?.stack ?? ''}`),
    ]);
    if (logs.join('\n').includes(canary)) leaks.push('the log');
    expect(leaks).toEqual([]);
    // The key went where it had to: to the gateway, and a quoting gateway's answer came back redacted.
    expect(api.fake.stats.generationPosts).toBe(requests.length);
    expect(JSON.stringify(app.events).includes('Cannot use \\"Bearer [API key]\\"')).toBe(true);
    // The grep saw the catalog, its write-ahead log, the settings, the log file and the thumbnails.
    const written = (await filesUnder(app.userDataDir)).map((file) => path.basename(file));
    expect(written).toEqual(
      expect.arrayContaining(['catalog.sqlite', 'catalog.sqlite-wal', 'settings.json', 'main.log']),
    );
    expect(written.some((name) => name.endsWith('.webp'))).toBe(true);
  });
});
