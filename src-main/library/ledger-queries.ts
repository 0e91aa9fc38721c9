import type { LedgerEntry } from '../../src-preload/contract/usage';
import type { ReadableDb } from './database';

export interface LedgerQueries {
  /** Priced generations created at or after `sinceMs`, oldest first; through the partial index on price. */
  entries(sinceMs: number): LedgerEntry[];
}

interface LedgerRow {
  generationId: number;
  createdAt: number;
  status: LedgerEntry['status'] | 'imported';
  model: string;
  gateway: LedgerEntry['gateway'];
  currency: LedgerEntry['currency'];
  images: number | null;
  cost: number | null;
  estimate: number | null;
}

export function createLedgerQueries(db: ReadableDb): LedgerQueries {
  const select = db.prepare<[number], LedgerRow>(
    `SELECT id AS generationId, created_at AS createdAt, status, model, gateway, price_currency AS currency,
       billed_images AS images, cost_micros AS cost, estimate_micros AS estimate
     FROM generations WHERE price_currency IS NOT NULL AND created_at >= ? ORDER BY created_at`,
  );
  return {
    entries(sinceMs) {
      return select.all(sinceMs).flatMap((row): LedgerEntry[] => {
        if (row.status === 'imported') return [];
        const running = row.status === 'running';
        return [
          {
            generationId: row.generationId,
            createdAt: row.createdAt,
            status: row.status,
            model: row.model,
            gateway: row.gateway,
            currency: row.currency,
            images: row.images ?? 0,
            // A generation that ended without a cost (its process died) is counted at its estimate.
            costMicros: (running ? row.estimate : (row.cost ?? row.estimate)) ?? 0,
            running,
          },
        ];
      });
    },
  };
}
