import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobSnapshot } from '../../src-preload/contract/ipc';
import { startFakeCometApi, type FakeCometApi } from '../fake-cometapi/fake-cometapi';
import { startFakeQuota, type FakeQuota } from '../fake-cometapi/fake-quota';
import { jobFinished, startAppHarness, type AppHarness } from './app-harness';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

async function setup(quotaBalances: Record<string, number> = {}): Promise<{
  comet: FakeCometApi;
  quota: FakeQuota;
  harness: AppHarness;
}> {
  const comet = await startFakeCometApi();
  open.push({ close: () => comet.stop() });
  const quota = await startFakeQuota(quotaBalances);
  open.push({ close: () => quota.stop() });
  const harness = await startAppHarness({ apiBaseUrl: comet.baseUrl, quotaUrl: quota.url });
  open.push(harness);
  await harness.value('key:save', { key: comet.apiKey });
  await harness.value('models:offer', { refresh: true });
  return { comet, quota, harness };
}

const posts = (server: FakeCometApi) =>
  server.stats.requests.filter((entry) => entry.method === 'POST').length;

async function generate(harness: AppHarness, images: number, prompt = 'two lanterns'): Promise<JobSnapshot> {
  const first = await harness.value('generation:start', {
    request: { model: 'doubao-seedream-4-5-251128', prompt, sequential: 'auto', maxImages: images },
    referenceIds: [],
  });
  await jobFinished(harness, first.jobId);
  const done = (await harness.value('generation:jobs')).find((job) => job.jobId === first.jobId);
  if (!done) throw new Error('job vanished');
  return done;
}

describe('the cost ledger', () => {
  it('records the price in force with each generation and its cost once it ends', async () => {
    const { comet, harness } = await setup();
    const started = await harness.value('generation:start', {
      request: { model: 'doubao-seedream-4-5-251128', prompt: 'x', sequential: 'auto', maxImages: 3 },
      referenceIds: [],
    });
    expect(started.estimate).toEqual({ micros: 120_000, currency: 'USD' });
    await jobFinished(harness, started.jobId);
    const done = (await harness.value('generation:jobs'))[0];
    expect(done?.cost).toEqual({ micros: 120_000, currency: 'USD' });

    // A later price change does not rewrite what was spent.
    comet.setScenario({ publicModels: [{ id: 'doubao-seedream-4-5-251128', perRequest: 0.5 }] });
    await harness.value('models:offer', { refresh: true });
    const ledger = await harness.value('usage:ledger', { sinceMs: 0 });
    expect(ledger).toEqual([
      expect.objectContaining({ images: 3, costMicros: 120_000, currency: 'USD', gateway: 'cometapi' }),
    ]);
    const next = await generate(harness, 1);
    expect(next.cost).toEqual({ micros: 500_000, currency: 'USD' });
  });

  it('shows what a failed request still billed', async () => {
    const { comet, harness } = await setup();
    comet.setScenario({ failIndices: [1] });
    const done = await generate(harness, 3);
    expect(done.cost).toEqual({ micros: 80_000, currency: 'USD' });
    const saved = done.slots.find((slot) => slot.image !== null)?.image;
    if (!saved) throw new Error('nothing saved');
    const detail = await harness.value('library:detail', { id: saved.id });
    expect(detail.generation).toMatchObject({
      gateway: 'cometapi',
      pricePerImage: { micros: 40_000, currency: 'USD' },
      cost: { micros: 80_000, currency: 'USD' },
    });
    const [entry] = await harness.value('usage:ledger', { sinceMs: 0 });
    expect(entry).toMatchObject({ status: 'partial', images: 2, costMicros: 80_000 });
  });
});

describe('budgets', () => {
  it('refuse a request that could pass the daily cap before anything is sent', async () => {
    const { comet, harness } = await setup();
    await generate(harness, 2);
    expect(posts(comet)).toBe(1);
    await harness.value('settings:update', { dailyBudgetMicros: 120_000 });
    const refused = await harness.call('generation:start', {
      request: { model: 'doubao-seedream-4-5-251128', prompt: 'one more', sequential: 'auto', maxImages: 2 },
      referenceIds: [],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'budget-exceeded' } });
    if (!refused.ok) {
      expect(refused.error.message).toBe(
        'This request could cost up to $0.08, and $0.08 of your daily budget of $0.12 is already spent today. Nothing was sent. Ask for fewer images, or change the Daily budget in Settings.',
      );
    }
    expect(posts(comet)).toBe(1);
    expect(await harness.value('usage:ledger', { sinceMs: 0 })).toHaveLength(1);
    // Within the cap, it goes.
    expect((await generate(harness, 1)).phase).toBe('done');
    expect(posts(comet)).toBe(2);
  });

  it('count a running request at its estimate against the monthly cap', async () => {
    const { comet, harness } = await setup();
    comet.setScenario({ delayMs: 800 });
    await harness.value('settings:update', { monthlyBudgetMicros: 150_000 });
    const running = await harness.value('generation:start', {
      request: { model: 'doubao-seedream-4-5-251128', prompt: 'a', sequential: 'auto', maxImages: 3 },
      referenceIds: [],
    });
    const second = await harness.call('generation:start', {
      request: { model: 'doubao-seedream-4-5-251128', prompt: 'b', sequential: 'auto', maxImages: 1 },
      referenceIds: [],
    });
    expect(second).toMatchObject({ ok: false, error: { code: 'budget-exceeded' } });
    if (!second.ok) expect(second.error.message).toMatch(/monthly budget of \$0\.15/);
    await jobFinished(harness, running.jobId);
    expect(posts(comet)).toBe(1);
  });
});

describe('the balance', () => {
  it('is never asked for unless the user turns it on', async () => {
    const { quota, harness, comet } = await setup({ [fakeKey()]: 3 });
    expect(await harness.value('balance:refresh')).toMatchObject({ enabled: false, remaining: null });
    await generate(harness, 1);
    expect(quota.askedWith).toEqual([]);
    expect(comet.stats.requests.some((entry) => entry.path.includes('quota'))).toBe(false);
  });

  it('uses the separate zero-quota key when saved, and never logs a key', async () => {
    const balanceKey = 'sk-balance-only-0000zero';
    const { quota, harness, comet } = await setup({ [balanceKey]: 12.5, [fakeKey()]: 99 });
    await harness.value('settings:update', { balanceCheck: true });
    const saved = await harness.value('balance:saveKey', { key: balanceKey });
    expect(saved).toMatchObject({ available: true, enabled: true, separateKeyLast4: 'zero' });
    const status = await harness.value('balance:refresh');
    expect(status.remaining).toEqual({ micros: 12_500_000, currency: 'USD' });
    expect(quota.askedWith).toEqual([balanceKey]);

    await generate(harness, 1);
    await expect.poll(() => quota.askedWith.length).toBe(2);
    expect(harness.events.some((entry) => entry.event === 'balance:changed')).toBe(true);

    quota.balances.clear();
    expect((await harness.value('balance:refresh')).problem).toBe('The balance service answered HTTP 401.');
    const logged = JSON.stringify(harness.logLines);
    const logFile = await readFile(join(harness.userDataDir, 'logs', 'main.log'), 'utf8');
    for (const key of [balanceKey, comet.apiKey]) {
      expect(logged).not.toContain(key);
      expect(logFile).not.toContain(key);
    }
  });

  it('falls back to the gateway key when no balance key is saved', async () => {
    const { quota, harness } = await setup({ [fakeKey()]: 7 });
    await harness.value('settings:update', { balanceCheck: true });
    expect((await harness.value('balance:refresh')).remaining?.micros).toBe(7_000_000);
    expect(quota.askedWith).toEqual([fakeKey()]);
  });
});

function fakeKey(): string {
  return 'sk-fake-0123456789abcdef';
}
