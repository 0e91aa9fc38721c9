import { appError, AppFailure } from '../../src-preload/contract/errors';
import { formatMoney, type Money } from '../../src-preload/contract/pricing';
import { monthWindowMs, spendSoFar, type SpendSoFar } from '../../src-preload/contract/usage';
import type { LedgerQueries } from '../library/ledger-queries';

export interface Budgets {
  dailyBudgetMicros: number | null;
  monthlyBudgetMicros: number | null;
}

/**
 * Refuses a request whose most possible cost would take today's or this month's spend past its cap, before
 * anything is recorded or sent. The message names the cap, what was spent and how to change it.
 */
export function checkBudget(budgets: Budgets, spent: SpendSoFar, estimate: Money): void {
  const caps = [
    { cap: budgets.dailyBudgetMicros, spent: spent.dayMicros, name: 'Daily budget', when: 'today' },
    {
      cap: budgets.monthlyBudgetMicros,
      spent: spent.monthMicros,
      name: 'Monthly budget',
      when: 'this month',
    },
  ];
  for (const { cap, spent: already, name, when } of caps) {
    if (cap === null || already + estimate.micros <= cap) continue;
    const money = (micros: number) => formatMoney({ micros, currency: estimate.currency });
    throw new AppFailure(
      appError(
        'budget-exceeded',
        `This request could cost up to ${money(estimate.micros)}, and ${money(already)} of your ${name.toLowerCase()} of ${money(cap)} is already spent ${when}. Nothing was sent. Ask for fewer images, or change the ${name} in Settings.`,
      ),
    );
  }
}

/** What a new request is checked against: the caps, the ledger, and the clock and time zone "today" means. */
export interface BudgetCheck {
  budgets: Budgets;
  ledger: Pick<LedgerQueries, 'entries'>;
  estimate: Money | null;
  model: string;
  gateway: string;
  now: number;
  timeZone: string;
}

/**
 * Refuses, before anything is recorded or sent, a request that could take spend past a cap, or whose price is
 * unknown while a cap is set. The jobs run it inside the generation's write transaction (see
 * `GenerationStore.create`), with the ledger that transaction reads, so two processes cannot both pass it.
 */
export function enforceBudgets({
  budgets,
  ledger,
  estimate,
  model,
  gateway,
  now,
  timeZone,
}: BudgetCheck): void {
  if (budgets.dailyBudgetMicros === null && budgets.monthlyBudgetMicros === null) return;
  if (estimate === null) {
    throw new AppFailure(
      appError(
        'budget-exceeded',
        `The price of ${model} on ${gateway} is not known, so it cannot be kept within your budget. Nothing was sent. Choose another model, or clear the budgets in Settings.`,
      ),
    );
  }
  const entries = ledger.entries(now - monthWindowMs);
  checkBudget(budgets, spendSoFar(entries, now, timeZone, estimate.currency), estimate);
}
