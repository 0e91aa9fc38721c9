import { describe, expect, it } from 'vitest';
import {
  groupUsage,
  localDate,
  periodKey,
  spendSoFar,
  type LedgerEntry,
} from '../../src-preload/contract/usage';
import { checkBudget } from '../../src-main/money/budget';

function entry(iso: string, costMicros: number, patch: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    generationId: 1,
    createdAt: Date.parse(iso),
    status: 'succeeded',
    model: 'doubao-seedream-4-5-251128',
    gateway: 'cometapi',
    currency: 'USD',
    images: 1,
    costMicros,
    running: false,
    ...patch,
  };
}

describe('the user’s calendar', () => {
  it('puts an instant on the day it is where the user is', () => {
    const instant = Date.parse('2026-03-08T03:30:00Z');
    expect(localDate(instant, 'UTC')).toBe('2026-03-08');
    expect(localDate(instant, 'America/New_York')).toBe('2026-03-07');
    expect(localDate(instant, 'Asia/Shanghai')).toBe('2026-03-08');
    expect(localDate(Date.parse('2026-03-08T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-03-09');
  });

  it('keeps a 23-hour and a 25-hour day whole across DST changes', () => {
    const zone = 'America/New_York';
    // 8 March 2026 has 23 hours in New York, 1 November 2026 has 25.
    expect(periodKey(Date.parse('2026-03-08T05:00:00Z'), 'day', zone)).toBe('2026-03-08');
    expect(periodKey(Date.parse('2026-03-09T03:59:00Z'), 'day', zone)).toBe('2026-03-08');
    expect(periodKey(Date.parse('2026-03-09T04:00:00Z'), 'day', zone)).toBe('2026-03-09');
    expect(periodKey(Date.parse('2026-11-01T04:00:00Z'), 'day', zone)).toBe('2026-11-01');
    expect(periodKey(Date.parse('2026-11-02T04:59:00Z'), 'day', zone)).toBe('2026-11-01');
    expect(periodKey(Date.parse('2026-11-02T05:00:00Z'), 'day', zone)).toBe('2026-11-02');
    // Europe moves its clocks on another Sunday.
    expect(periodKey(Date.parse('2026-03-29T22:30:00Z'), 'day', 'Europe/Berlin')).toBe('2026-03-30');
  });

  it('starts weeks on Monday and months on the 1st, in the user’s zone', () => {
    expect(periodKey(Date.parse('2026-03-08T12:00:00Z'), 'week', 'UTC')).toBe('2026-03-02');
    expect(periodKey(Date.parse('2026-03-09T00:30:00Z'), 'week', 'UTC')).toBe('2026-03-09');
    expect(periodKey(Date.parse('2026-03-09T00:30:00Z'), 'week', 'America/Los_Angeles')).toBe('2026-03-02');
    expect(periodKey(Date.parse('2026-01-01T02:00:00Z'), 'week', 'UTC')).toBe('2025-12-29');
    expect(periodKey(Date.parse('2026-04-01T02:00:00Z'), 'month', 'America/New_York')).toBe('2026-03');
    expect(periodKey(Date.parse('2026-03-31T17:00:00Z'), 'month', 'Asia/Tokyo')).toBe('2026-04');
  });
});

describe('usage', () => {
  it('adds spend and images by period, model and gateway, with what failed requests billed', () => {
    const rows = groupUsage(
      [
        entry('2026-03-08T10:00:00Z', 40_000),
        entry('2026-03-08T11:00:00Z', 80_000, { images: 2, status: 'failed' }),
        entry('2026-03-08T12:00:00Z', 35_000, { model: 'doubao-seedream-5-0-260128' }),
        entry('2026-03-09T01:00:00Z', 40_000),
        entry('2026-03-09T02:00:00Z', 120_000, { running: true, status: 'running' }),
      ],
      'day',
      'America/New_York',
    );
    // In New York all four are on 8 March (the last is 21:00 there), the running one is not spent yet.
    expect(
      rows.map((row) => [row.period, row.model, row.images, row.costMicros, row.failedCostMicros]),
    ).toEqual([
      ['2026-03-08', 'doubao-seedream-4-5-251128', 4, 160_000, 80_000],
      ['2026-03-08', 'doubao-seedream-5-0-260128', 1, 35_000, 0],
    ]);
    expect(groupUsage([entry('2026-03-08T10:00:00Z', 1)], 'month', 'UTC')[0]?.period).toBe('2026-03');
  });

  it('counts today’s and this month’s spend, running requests at their estimate', () => {
    const now = Date.parse('2026-03-31T23:30:00Z');
    const entries = [
      entry('2026-03-31T20:00:00Z', 40_000),
      entry('2026-03-31T23:00:00Z', 120_000, { running: true, status: 'running' }),
      entry('2026-03-02T10:00:00Z', 500_000),
      entry('2026-02-28T10:00:00Z', 900_000),
      entry('2026-03-31T20:00:00Z', 250_000, { currency: 'CNY' }),
    ];
    expect(spendSoFar(entries, now, 'UTC', 'USD')).toEqual({ dayMicros: 160_000, monthMicros: 660_000 });
    // In Tokyo it is already 1 April, and the two latest were made that morning: March is behind it.
    expect(spendSoFar(entries, now, 'Asia/Tokyo', 'USD')).toEqual({
      dayMicros: 160_000,
      monthMicros: 160_000,
    });
  });
});

describe('budget caps', () => {
  const estimate = { micros: 40_000, currency: 'USD' as const };
  it('let a request through up to the cap, exactly', () => {
    expect(() => {
      checkBudget(
        { dailyBudgetMicros: 100_000, monthlyBudgetMicros: null },
        { dayMicros: 60_000, monthMicros: 0 },
        estimate,
      );
    }).not.toThrow();
  });

  it('refuse one that passes a cap, saying which, what was spent, and how to change it', () => {
    expect(() => {
      checkBudget(
        { dailyBudgetMicros: null, monthlyBudgetMicros: 5_000_000 },
        { dayMicros: 0, monthMicros: 4_980_000 },
        estimate,
      );
    }).toThrow(
      'This request could cost up to $0.04, and $4.98 of your monthly budget of $5.00 is already spent this month. Nothing was sent. Ask for fewer images, or change the Monthly budget in Settings.',
    );
  });
});
