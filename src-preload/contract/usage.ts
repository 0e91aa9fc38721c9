import type { Currency, GatewayKind } from './gateway-profiles';

/** One priced generation as the ledger reads it back. */
export interface LedgerEntry {
  generationId: number;
  /** Unix milliseconds. */
  createdAt: number;
  status: 'running' | 'succeeded' | 'partial' | 'failed' | 'cancelled' | 'interrupted';
  model: string;
  gateway: GatewayKind | null;
  currency: Currency;
  /** Images billed; 0 while it runs. */
  images: number;
  /** What it cost; while it runs, the most it can cost (its estimate), so budgets count it at once. */
  costMicros: number;
  running: boolean;
}

export const usagePeriods = ['day', 'week', 'month'] as const;
export type UsagePeriod = (typeof usagePeriods)[number];

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date at an instant in a time zone, as `YYYY-MM-DD` (the user's clock, DST included). */
export function localDate(ms: number, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(ms).map((part) => [part.type, part.value]));
  return `${parts.year ?? ''}-${parts.month ?? ''}-${parts.day ?? ''}`;
}

/**
 * The period an instant falls in, on the user's calendar: the day (`2026-03-08`), the week by its Monday
 * (`2026-03-02`) or the month (`2026-03`). Calendar arithmetic happens on the date, never on instants, so a
 * 23- or 25-hour day around a DST change is still one day.
 */
export function periodKey(ms: number, period: UsagePeriod, timeZone: string): string {
  const date = localDate(ms, timeZone);
  if (period === 'day') return date;
  if (period === 'month') return date.slice(0, 7);
  const [year, month, day] = date.split('-').map(Number);
  const civil = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
  civil.setUTCDate(civil.getUTCDate() - ((civil.getUTCDay() + 6) % 7));
  return civil.toISOString().slice(0, 10);
}

export interface UsageRow {
  period: string;
  model: string;
  gateway: string;
  currency: Currency;
  generations: number;
  images: number;
  costMicros: number;
  /** What failed and cancelled requests still cost (images the gateway made before they stopped). */
  failedCostMicros: number;
}

/** Spend and images per period, model, gateway and currency, oldest period first; running ones excluded. */
export function groupUsage(
  entries: readonly LedgerEntry[],
  period: UsagePeriod,
  timeZone: string,
): UsageRow[] {
  const rows = new Map<string, UsageRow>();
  for (const entry of entries) {
    if (entry.running) continue;
    const key = periodKey(entry.createdAt, period, timeZone);
    const gateway = entry.gateway ?? 'unknown';
    const id = [key, entry.model, gateway, entry.currency].join('\u0000');
    const row = rows.get(id) ?? {
      period: key,
      model: entry.model,
      gateway,
      currency: entry.currency,
      generations: 0,
      images: 0,
      costMicros: 0,
      failedCostMicros: 0,
    };
    row.generations += 1;
    row.images += entry.images;
    row.costMicros += entry.costMicros;
    if (entry.status === 'failed' || entry.status === 'cancelled' || entry.status === 'interrupted') {
      row.failedCostMicros += entry.costMicros;
    }
    rows.set(id, row);
  }
  return [...rows.values()].sort(
    (a, b) =>
      a.period.localeCompare(b.period) ||
      a.model.localeCompare(b.model) ||
      a.gateway.localeCompare(b.gateway),
  );
}

export interface SpendSoFar {
  dayMicros: number;
  monthMicros: number;
}

/** What was spent (and is reserved by running requests) today and this month, in one currency. */
export function spendSoFar(
  entries: readonly LedgerEntry[],
  now: number,
  timeZone: string,
  currency: Currency,
): SpendSoFar {
  const today = periodKey(now, 'day', timeZone);
  const month = periodKey(now, 'month', timeZone);
  let dayMicros = 0;
  let monthMicros = 0;
  for (const entry of entries) {
    if (entry.currency !== currency) continue;
    const date = localDate(entry.createdAt, timeZone);
    if (date.slice(0, 7) === month) monthMicros += entry.costMicros;
    if (date === today) dayMicros += entry.costMicros;
  }
  return { dayMicros, monthMicros };
}

/** How far back the ledger must be read to know this month's spend anywhere on Earth. */
export const monthWindowMs = 33 * 24 * 60 * 60_000;
