import './pricing.css';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../src-preload/contract/pricing';
import { useAppStore } from '../../app/use-app-store';

/** The remaining credit as a small chip, only when the user turned the balance on; a click asks again. */
export function BalanceChip() {
  const { t } = useTranslation();
  const balance = useAppStore((s) => s.balance);
  const loadBalance = useAppStore((s) => s.loadBalance);
  const refreshBalance = useAppStore((s) => s.refreshBalance);
  const watchBalance = useAppStore((s) => s.watchBalance);

  useEffect(() => {
    void loadBalance();
    return watchBalance();
  }, [loadBalance, watchBalance]);

  if (!balance?.enabled || !balance.available) return null;
  const text = balance.remaining
    ? t('pricing.balance', { amount: formatMoney(balance.remaining) })
    : t('pricing.balanceChecking');
  return (
    <button
      type="button"
      className="balance-chip"
      title={balance.problem ?? t('pricing.balanceRefresh')}
      aria-label={`${text}. ${t('pricing.balanceRefresh')}`}
      onClick={() => {
        void refreshBalance();
      }}
    >
      {text}
    </button>
  );
}
