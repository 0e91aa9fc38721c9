import { afterEach, describe, expect, it } from 'vitest';
import type { QueueSnapshot } from '../../src-preload/contract/queue';
import { generationRequestSchema } from '../../src-preload/contract/generation';
import { openLibrary } from '../../src-main/library/library';
import { libraryDirIn } from '../../src-main/settings/user-data-layout';
import { useFakeCometApi } from '../support/fake-cometapi-server';
import { nativeCodec } from '../support/codecs';
import { tempDir } from '../library/fixtures';
import { startAppHarness, type AppHarness } from './app-harness';

const api = useFakeCometApi({ scenario: { delayMs: 30 } });
const model = 'doubao-seedream-4-5-251128';
const harnesses: AppHarness[] = [];

afterEach(async () => {
  for (const harness of harnesses.splice(0)) await harness.close();
});

async function start(userDataDir?: string): Promise<AppHarness> {
  const harness = await startAppHarness({
    apiBaseUrl: api.fake.baseUrl,
    env: { COMETAPI_KEY: api.fake.apiKey },
    ...(userDataDir === undefined ? {} : { userDataDir }),
  });
  harnesses.push(harness);
  return harness;
}

const items = (...prompts: string[]) => prompts.map((prompt) => ({ request: { model, prompt } }));
const lastQueue = (app: AppHarness) =>
  app.events.filter((entry) => entry.event === 'queue:changed').at(-1)?.payload as QueueSnapshot | undefined;

describe('the queue through IPC', () => {
  it('runs what is added, tells the window, shows progress on the dock and notifies once at the end', async () => {
    const app = await start();
    const added = await app.value('queue:add', { items: items('一', 'two', 'three') });
    expect(added.items.map((item) => item.request?.prompt)).toEqual(['一', 'two', 'three']);
    expect(added.concurrency).toBe(2);
    await expect
      .poll(() => lastQueue(app)?.items.map((item) => item.state), { timeout: 20_000 })
      .toEqual(['done', 'done', 'done']);
    const fractions = app.desktop.calls.flatMap((call) => (call.kind === 'progress' ? [call.fraction] : []));
    expect(fractions.some((fraction) => fraction !== null && fraction > 0 && fraction < 1)).toBe(true);
    await expect
      .poll(() => app.desktop.calls.filter((call) => call.kind === 'progress').at(-1))
      .toEqual({ kind: 'progress', fraction: null });
    const notices = app.desktop.calls.filter((call) => call.kind === 'notify');
    expect(notices).toEqual([{ kind: 'notify', title: 'Queue finished', body: '3 done, 0 with problems' }]);
    expect(lastQueue(app)?.items.every((item) => item.saved === 1 && item.generationId !== null)).toBe(true);
  });

  it('pauses and resumes, reorders, removes and clears finished items', async () => {
    const app = await start();
    await app.value('queue:pause');
    const added = await app.value('queue:add', { items: items('a', 'b', 'c') });
    const [a, b, c] = added.items.map((item) => item.id);
    if (a === undefined || b === undefined || c === undefined) throw new Error('three items expected');
    expect(added.paused).toBe(true);
    const reordered = await app.value('queue:reorder', { ids: [c, b, a] });
    expect(reordered.items.map((item) => item.request?.prompt)).toEqual(['c', 'b', 'a']);
    const removed = await app.value('queue:remove', { ids: [b] });
    expect(removed.items.map((item) => item.request?.prompt)).toEqual(['c', 'a']);
    expect(api.fake.stats.generationPosts).toBe(0);
    await app.value('queue:resume');
    await expect
      .poll(() => lastQueue(app)?.items.map((item) => item.state), { timeout: 20_000 })
      .toEqual(['done', 'done']);
    expect(api.fake.stats.bodies.map((body) => body.prompt)).toEqual(['c', 'a']);
    expect((await app.value('queue:clearFinished')).items).toEqual([]);
  });

  it('asks for the word before sending an item whose outcome is unknown again', async () => {
    const dir = await tempDir();
    const library = await openLibrary({ dir: libraryDirIn(dir), codec: nativeCodec });
    const [id] = library.queue.add(
      [{ request: generationRequestSchema.parse({ model, prompt: 'maybe paid' }), referenceIds: [] }],
      'earlier',
    );
    library.queue.finish(id ?? 0, 'unknown', null);
    library.close();
    const app = await start(dir);
    const refused = await app.call('queue:retry', { ids: [id] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/is unknown\. Confirm/);
    expect(api.fake.stats.generationPosts).toBe(0);
    await app.value('queue:retry', { ids: [id ?? 0], resendUnknown: true });
    await expect
      .poll(() => lastQueue(app)?.items.map((item) => item.state), { timeout: 20_000 })
      .toEqual(['done']);
    expect(api.fake.stats.generationPosts).toBe(1);
  });

  it('refuses bad items by field, and more than 500 at once', async () => {
    const app = await start();
    const bad = await app.call('queue:add', { items: [{ request: { model, prompt: 1 } }] });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'items.0.request.prompt' },
    });
    const many = await app.call('queue:add', { items: items(...Array.from({ length: 501 }, String)) });
    expect(many).toMatchObject({
      ok: false,
      error: { message: 'items: At most 500 requests can be queued at once.' },
    });
  });
});
