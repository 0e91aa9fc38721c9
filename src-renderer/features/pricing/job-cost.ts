import type { TFunction } from 'i18next';
import type { JobSnapshot } from '../../../src-preload/contract/ipc';
import { formatMoney } from '../../../src-preload/contract/pricing';

/** What a finished job cost, in words for its row; null while it runs. */
export function jobCostText(
  job: Pick<JobSnapshot, 'cost' | 'phase' | 'finishedAt'>,
  t: TFunction,
): string | null {
  if (job.finishedAt === null) return null;
  if (job.cost === null) return t('pricing.costUnknown');
  const cost = formatMoney(job.cost);
  return job.phase === 'failed' || job.phase === 'cancelled'
    ? t('pricing.costStopped', { cost })
    : t('pricing.cost', { cost });
}
