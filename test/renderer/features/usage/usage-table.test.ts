import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { UsageRow } from '../../../../src-preload/contract/usage';
import { chartSeries, usageCsv } from '../../../../src-renderer/features/usage/usage-table';

function row(patch: Partial<UsageRow>): UsageRow {
  return {
    period: '2026-03-08',
    model: 'doubao-seedream-4-5-251128',
    gateway: 'cometapi',
    currency: 'USD',
    generations: 1,
    images: 2,
    costMicros: 80_000,
    failedCostMicros: 0,
    ...patch,
  };
}

describe('the usage table', () => {
  it('exports CSV with people’s names and exact amounts', () => {
    const csv = usageCsv([
      row({}),
      row({
        model: 'some-"new",model',
        gateway: 'byteplus',
        costMicros: 1_234_567,
        failedCostMicros: 35_000,
      }),
    ]);
    const parsed = Papa.parse<string[]>(csv).data;
    expect(parsed).toEqual([
      ['period', 'model', 'gateway', 'currency', 'generations', 'images', 'cost', 'failed_or_cancelled_cost'],
      ['2026-03-08', 'Seedream 4.5', 'CometAPI', 'USD', '1', '2', '0.08', '0'],
      ['2026-03-08', 'some-"new",model', 'BytePlus ModelArk', 'USD', '1', '2', '1.234567', '0.035'],
    ]);
  });

  it('charts the currency most was spent in, stacked by model', () => {
    const series = chartSeries([
      row({}),
      row({ period: '2026-03-09', model: 'doubao-seedream-5-0-260128', costMicros: 35_000 }),
      row({ currency: 'CNY', costMicros: 50_000, gateway: 'volcengine' }),
    ]);
    expect(series).toEqual({
      currency: 'USD',
      models: ['Seedream 4.5', 'Seedream 5.0 lite'],
      points: [
        { period: '2026-03-08', 'Seedream 4.5': 0.08 },
        { period: '2026-03-09', 'Seedream 5.0 lite': 0.035 },
      ],
    });
    expect(chartSeries([])).toBeNull();
  });
});
