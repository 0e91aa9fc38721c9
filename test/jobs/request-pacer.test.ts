import { describe, expect, it } from 'vitest';
import { createRequestPacer } from '../../src-main/jobs/request-pacer';

/** A clock moved only by the pacer's sleeps, so every wait is exact. */
function manualClock() {
  let time = 0;
  const sleeps: number[] = [];
  return {
    now: () => time,
    sleep: (ms: number) => {
      sleeps.push(ms);
      time += ms;
      return Promise.resolve();
    },
    sleeps,
    advance: (ms: number) => {
      time += ms;
    },
  };
}

describe('request pacer', () => {
  it('lets `limit` requests through per window, then waits for the oldest to leave it', async () => {
    const clock = manualClock();
    const pacer = createRequestPacer({ limit: () => 2, windowMs: 1_000, ...clock });
    const at: number[] = [];
    for (let index = 0; index < 5; index += 1) {
      await pacer.turn();
      at.push(clock.now());
    }
    expect(at).toEqual([0, 0, 1_000, 1_000, 2_000]);
  });

  it('follows a new limit at the next request', async () => {
    const clock = manualClock();
    let limit = 1;
    const pacer = createRequestPacer({ limit: () => limit, windowMs: 1_000, ...clock });
    await pacer.turn();
    limit = 3;
    await pacer.turn();
    await pacer.turn();
    expect(clock.now()).toBe(0);
    await pacer.turn();
    expect(clock.now()).toBe(1_000);
  });

  it('holds everyone until a back-off has passed, and never shortens one', async () => {
    const clock = manualClock();
    const pacer = createRequestPacer({ limit: () => 100, ...clock });
    pacer.backOff(5_000);
    pacer.backOff(2_000);
    expect(pacer.backoffUntil()).toBe(5_000);
    await pacer.turn();
    expect(clock.now()).toBe(5_000);
    expect(pacer.backoffUntil()).toBeNull();
  });

  it('stops waiting when its signal aborts', async () => {
    const pacer = createRequestPacer({ limit: () => 1, windowMs: 60_000 });
    await pacer.turn();
    const controller = new AbortController();
    const waiting = pacer.turn(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow();
  });
});
