import Papa from 'papaparse';
import { findModel } from '../../../src-preload/contract/models';
import { gatewayKindSchema, gatewayProfile } from '../../../src-preload/contract/gateway-profiles';
import { formatMoney } from '../../../src-preload/contract/pricing';
import type { UsageRow } from '../../../src-preload/contract/usage';

/** A model as people know it: the catalogue's label, or the id the record holds when the catalogue lacks it. */
export function modelLabel(id: string): string {
  return findModel(id)?.label ?? id;
}

export function gatewayLabel(kind: string): string {
  const parsed = gatewayKindSchema.safeParse(kind);
  return parsed.success ? gatewayProfile(parsed.data).label : kind;
}

/** Amounts as decimal numbers of the currency, exact to the millionth, for a spreadsheet to add up. */
function decimal(micros: number): string {
  const whole = Math.trunc(micros / 1_000_000);
  const fraction = String(Math.abs(micros % 1_000_000))
    .padStart(6, '0')
    .replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}

/** The table as CSV (papaparse quotes and escapes), in the order and columns the view shows. */
export function usageCsv(rows: readonly UsageRow[]): string {
  return Papa.unparse({
    fields: [
      'period',
      'model',
      'gateway',
      'currency',
      'generations',
      'images',
      'cost',
      'failed_or_cancelled_cost',
    ],
    data: rows.map((row) => [
      row.period,
      modelLabel(row.model),
      gatewayLabel(row.gateway),
      row.currency,
      row.generations,
      row.images,
      decimal(row.costMicros),
      decimal(row.failedCostMicros),
    ]),
  });
}

export interface ChartSeries {
  /** One point per period, with each model's spend in the currency's units. */
  points: Record<string, string | number>[];
  models: string[];
  currency: UsageRow['currency'];
}

/**
 * What the chart draws: spend per period stacked by model, in the currency most was spent in (a chart adds
 * numbers, so it never mixes dollars and yuan; the table lists every currency).
 */
export function chartSeries(rows: readonly UsageRow[]): ChartSeries | null {
  const byCurrency = new Map<UsageRow['currency'], number>();
  for (const row of rows) byCurrency.set(row.currency, (byCurrency.get(row.currency) ?? 0) + row.costMicros);
  const currency = [...byCurrency.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (currency === undefined) return null;
  const chosen = rows.filter((row) => row.currency === currency);
  const models = [...new Set(chosen.map((row) => modelLabel(row.model)))].sort();
  const points = new Map<string, Record<string, string | number>>();
  for (const row of chosen) {
    const point = points.get(row.period) ?? { period: row.period };
    const label = modelLabel(row.model);
    point[label] = Number(point[label] ?? 0) + row.costMicros / 1_000_000;
    points.set(row.period, point);
  }
  return { points: [...points.values()], models, currency };
}

export function money(micros: number, currency: UsageRow['currency']): string {
  return formatMoney({ micros, currency });
}
