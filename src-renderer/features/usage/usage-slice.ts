import type { StateCreator } from 'zustand';
import type { AppError } from '../../../src-preload/contract/errors';
import type { LedgerEntry, UsagePeriod } from '../../../src-preload/contract/usage';
import type { AppServices } from '../../app/services';
import type { AppState } from '../../app/store';

/** How far back the Usage view reads: a year of days, weeks and months. */
const usageWindowMs = 366 * 24 * 60 * 60_000;

export interface UsageSlice {
  usagePeriod: UsagePeriod;
  /** Priced generations of the last year, oldest first; null until read. */
  usageEntries: LedgerEntry[] | null;
  usageError: AppError | null;
  setUsagePeriod: (period: UsagePeriod) => void;
  loadUsage: () => Promise<void>;
}

export const createUsageSlice =
  ({ api }: Pick<AppServices, 'api'>): StateCreator<AppState, [], [], UsageSlice> =>
  (set) => ({
    usagePeriod: 'day',
    usageEntries: null,
    usageError: null,
    setUsagePeriod: (period) => {
      set({ usagePeriod: period });
    },
    loadUsage: async () => {
      const since = Math.max(Date.now() - usageWindowMs, 0);
      const result = await api.usage.ledger({ sinceMs: since });
      if (result.ok) set({ usageEntries: result.value, usageError: null });
      else set({ usageError: result.error });
    },
  });
