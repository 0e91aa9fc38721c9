import { appError, AppFailure } from '../../src-preload/contract/errors';
import { formatMoney, type Money } from '../../src-preload/contract/pricing';
import type { SpendSoFar } from '../../src-preload/contract/usage';

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
