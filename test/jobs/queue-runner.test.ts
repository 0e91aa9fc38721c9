import { describe, expect, it, vi } from 'vitest';
import { generationRequestSchema, type GenerationRequestInput } from '../../src-preload/contract/generation';
import type { QueueEntry } from '../../src-preload/contract/queue';
import { createGenerationJobs, type JobOptions } from '../../src-main/jobs/generation-jobs';
import {
  createQueueRunner,
  type QueueEvent,
  type QueueRunnerOptions,
} from '../../src-main/jobs/queue-runner';
import { createRequestPacer } from '../../src-main/jobs/request-pacer';
import type { Library } from '../../src-main/library/library';
import { silentLogger } from '../../src-main/logging/logger';
import { useFakeCometApi } from '../support/fake-cometapi-server';
import { useHttpClient } from '../support/http-client';
import { tempLibrary } from '../library/fixtures';

const api = useFakeCometApi();
const client = useHttpClient();

function entry(prompt: string, input: Partial<GenerationRequestInput> = {}): QueueEntry {
  return {
    request: generationRequestSchema.parse({ model: 'doubao-seedream-4-5-251128', prompt, ...input }),
    referenceIds: [],
  };
}

function runnerOf(
  library: Library,
  options: Partial<QueueRunnerOptions> = {},
  apiKey?: string,
  budgets?: JobOptions['budgets'],
) {
  const jobs = createGenerationJobs(library, {
    http: client.http,
    connection: () => Promise.resolve({ baseUrl: api.fake.baseUrl, apiKey: apiKey ?? api.fake.apiKey }),
    ...(budgets ? { budgets } : {}),
    log: silentLogger,
  });
  const runner = createQueueRunner({
    library,
    jobs,
    pacer: createRequestPacer({ limit: () => 100 }),
    concurrency: () => 2,
    log: silentLogger,
    ...options,
  });
  const events: QueueEvent[] = [];
  runner.subscribe((event) => events.push(event));
  const drained = () =>
    new Promise<QueueEvent>((resolve) => {
      const stop = runner.subscribe((event) => {
        if (event.type === 'drained') {
          stop();
          resolve(event);
        }
      });
    });
  return { runner, jobs, events, drained };
}

/** Waits until the fake has the first POST: a stalled answer sends no further event to wait for. */
const onServer = () =>
  vi.waitFor(() => {
    if (api.fake.stats.generationPosts < 1) throw new Error('no POST yet');
  });

const prompts = (library: Library) => library.queue.list().map((item) => item.request?.prompt);
const states = (library: Library) => library.queue.list().map((item) => [item.request?.prompt, item.state]);
const posted = () => api.fake.stats.bodies.map((body) => body.prompt);

describe('the batch queue', () => {
  it('runs items in order, two at a time, and announces the end once', async () => {
    const library = await tempLibrary();
    api.fake.setScenario({ delayMs: 40 });
    const { runner, drained } = runnerOf(library);
    library.queue.add(
      ['one', 'two', 'three', 'four', 'five'].map((prompt) => entry(prompt)),
      'test',
    );
    let peak = 0;
    runner.subscribe(() => {
      peak = Math.max(peak, runner.active());
    });
    const end = drained();
    await runner.start();
    expect(await end).toEqual({ type: 'drained', run: { done: 5, failed: 0, unknown: 0, cancelled: 0 } });
    expect(peak).toBe(2);
    expect(posted().slice(0, 2).sort()).toEqual(['one', 'two']);
    expect(posted()).toHaveLength(5);
    expect(new Set(posted()).size).toBe(5);
    expect(library.queue.list().every((item) => item.state === 'done' && item.saved === 1)).toBe(true);
    expect(runner.progress()).toBeNull();
  });

  it('holds everything while paused, follows a new order, and resumes where it stopped', async () => {
    const library = await tempLibrary();
    const { runner, drained } = runnerOf(library, { concurrency: () => 1 });
    runner.pause();
    const [a, b, c] = library.queue.add([entry('a'), entry('b'), entry('c')], 'test');
    await runner.start();
    expect(api.fake.stats.generationPosts).toBe(0);
    expect(runner.progress()).toBe(0);
    library.queue.reorder([c ?? 0, a ?? 0, b ?? 0]);
    expect(prompts(library)).toEqual(['c', 'a', 'b']);
    const end = drained();
    runner.resume();
    await end;
    expect(posted()).toEqual(['c', 'a', 'b']);
  });

  it('removes waiting items, retries failed ones, and refuses to resend an unknown one without the word', async () => {
    const library = await tempLibrary();
    const { runner, drained } = runnerOf(library, { concurrency: () => 1 });
    runner.pause();
    const [, gone] = library.queue.add([entry('fails [fake:server-error]'), entry('removed')], 'test');
    expect(library.queue.remove([gone ?? 0])).toEqual([gone]);
    await runner.start();
    let end = drained();
    runner.resume();
    expect(await end).toMatchObject({ run: { failed: 1 } });
    const failed = library.queue.list()[0];
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'server-error' } });

    expect(library.queue.retry([failed?.id ?? 0], false)).toEqual([failed?.id]);
    end = drained();
    runner.poke();
    await end;
    expect(posted()).toEqual(['fails [fake:server-error]', 'fails [fake:server-error]']);

    library.queue.finish(failed?.id ?? 0, 'unknown', null);
    expect(library.queue.retry([failed?.id ?? 0], false)).toEqual([]);
    expect(library.queue.item(failed?.id ?? 0)?.state).toBe('unknown');
    expect(library.queue.retry([failed?.id ?? 0], true)).toEqual([failed?.id]);
    expect(library.queue.item(failed?.id ?? 0)).toMatchObject({ state: 'waiting', generationId: null });
  });

  it('cancels a running item and moves on', async () => {
    const library = await tempLibrary();
    const { runner, drained } = runnerOf(library, { concurrency: () => 1 });
    const [stalled] = library.queue.add([entry('hangs [fake:stall]'), entry('next')], 'test');
    const end = drained();
    await runner.start();
    await onServer();
    expect(runner.cancel(stalled ?? 0)).toBe(true);
    expect(await end).toMatchObject({ run: { done: 1, cancelled: 1 } });
    expect(states(library)).toEqual([
      ['next', 'done'],
      ['hangs [fake:stall]', 'cancelled'],
    ]);
  });

  it('pauses itself with the reason when a budget says no, and sends nothing', async () => {
    const library = await tempLibrary();
    // One 4.5 image costs $0.04 at list price: a daily budget of one cent refuses it before anything is recorded.
    const { runner } = runnerOf(library, {}, undefined, () => ({
      dailyBudgetMicros: 10_000,
      monthlyBudgetMicros: null,
    }));
    library.queue.add([entry('costly')], 'test');
    await runner.start();
    await new Promise<void>((resolve) => {
      const stop = runner.subscribe(() => {
        if (runner.pausedReason() !== null && runner.active() === 0) {
          stop();
          resolve();
        }
      });
    });
    expect(runner.pausedReason()).toMatch(/daily budget/i);
    expect(library.queue.paused()).toBe(true);
    expect(states(library)).toEqual([['costly', 'waiting']]);
    expect(api.fake.stats.generationPosts).toBe(0);
  });

  it('pauses on a missing key instead of failing every item', async () => {
    const library = await tempLibrary();
    const { runner } = runnerOf(library, {}, '');
    library.queue.add([entry('a'), entry('b')], 'test');
    await runner.start();
    await new Promise<void>((resolve) => {
      const check = () => {
        if (runner.active() === 0 && runner.pausedReason() !== null) resolve();
      };
      runner.subscribe(check);
      check();
    });
    expect(runner.pausedReason()).toMatch(/No API key/);
    expect(states(library)).toEqual([
      ['a', 'waiting'],
      ['b', 'waiting'],
    ]);
  });

  it('backs off together on a 429: no request goes out until the wait is over', async () => {
    const library = await tempLibrary();
    api.fake.setScenario({
      posts: [
        { kind: 'status', status: 429, retryAfter: '1', body: { error: { code: 'RateLimitExceeded' } } },
      ],
    });
    const { runner, drained } = runnerOf(library);
    library.queue.add([entry('a'), entry('b'), entry('c')], 'test');
    const end = drained();
    await runner.start();
    expect(await end).toMatchObject({ run: { done: 3 } });
    const times = api.fake.stats.postTimes;
    expect(times).toHaveLength(4);
    const refusedAt = times[0] ?? 0;
    // The first two went out together; everything after the 429 waited out its second.
    expect(times.slice(2).every((time) => time - refusedAt >= 950)).toBe(true);
    expect(new Set(posted())).toEqual(new Set(['a', 'b', 'c']));
  });

  it('keeps to the request rate across items', async () => {
    const library = await tempLibrary();
    const { runner, drained } = runnerOf(library, {
      pacer: createRequestPacer({ limit: () => 2, windowMs: 400 }),
      concurrency: () => 4,
    });
    library.queue.add(
      ['a', 'b', 'c', 'd', 'e'].map((prompt) => entry(prompt)),
      'test',
    );
    const end = drained();
    await runner.start();
    await end;
    // Two, two more a window later, the last a window after that; unpaced, all five go within milliseconds.
    // (The exact spacing is request-pacer.test.ts's, on a clock of its own: arrival times carry jitter.)
    const times = api.fake.stats.postTimes;
    expect(times).toHaveLength(5);
    expect((times[4] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(700);
  });

  it('on stop, lets sent requests finish within the grace, and puts unsent ones back', async () => {
    const library = await tempLibrary();
    api.fake.setScenario({ delayMs: 100 });
    const { runner } = runnerOf(library, { concurrency: () => 1 });
    library.queue.add([entry('first'), entry('second')], 'test');
    await runner.start();
    await onServer();
    await runner.stop(5_000);
    expect(states(library)).toEqual([
      ['second', 'waiting'],
      ['first', 'done'],
    ]);
    expect(posted()).toEqual(['first']);
  });

  it('marks a request still on its way after the grace as outcome unknown', async () => {
    const library = await tempLibrary();
    const { runner } = runnerOf(library, { concurrency: () => 1 });
    library.queue.add([entry('hangs [fake:stall]')], 'test');
    await runner.start();
    await onServer();
    await runner.stop(50);
    expect(library.queue.list()[0]).toMatchObject({ state: 'unknown', error: { code: 'interrupted' } });
  });
});
