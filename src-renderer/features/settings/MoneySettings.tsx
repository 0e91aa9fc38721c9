import { useEffect, useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  gatewayKinds,
  gatewayProfile,
  type GatewayKind,
} from '../../../src-preload/contract/gateway-profiles';
import type { Settings } from '../../../src-preload/contract/ipc';
import { parseMoneyInput } from '../../../src-preload/contract/pricing';
import { useAppStore } from '../../app/use-app-store';
import { Select } from '../../components/Select';

/** Which gateway profile the address is; main fills in the profile's documented address. */
export function GatewayProfileField() {
  const { t } = useTranslation('settings');
  const settings = useAppStore((s) => s.settings);
  const updateSettings = useAppStore((s) => s.updateSettings);
  const loadOffer = useAppStore((s) => s.loadOffer);
  const id = useId();
  if (!settings) return null;
  return (
    <div className="field">
      <label htmlFor={id}>{t('profile.label')}</label>
      <Select<GatewayKind>
        id={id}
        className="settings-select"
        aria-describedby={`${id}-hint`}
        value={settings.gatewayKind}
        options={gatewayKinds.map((kind) => ({ value: kind, label: t(`profile.${kind}`) }))}
        onChange={(kind) => {
          void updateSettings({ gatewayKind: kind }).then((saved) => (saved ? loadOffer(true) : undefined));
        }}
      />
      <span id={`${id}-hint`} className="field__hint">
        {t('profile.hint')}
      </span>
    </div>
  );
}

const amountText = (micros: number | null): string => (micros === null ? '' : String(micros / 1_000_000));

/** "Daily budget" and "Monthly budget", in the gateway's currency; empty means none. */
export function BudgetSection({ settings }: { settings: Settings }) {
  const { t } = useTranslation('settings');
  const updateSettings = useAppStore((s) => s.updateSettings);
  const [daily, setDaily] = useState(amountText(settings.dailyBudgetMicros));
  const [monthly, setMonthly] = useState(amountText(settings.monthlyBudgetMicros));
  const [state, setState] = useState<'idle' | 'invalid' | 'saved'>('idle');
  const id = useId();
  const profile = gatewayProfile(settings.gatewayKind);

  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    const parse = (text: string) => (text.trim() === '' ? null : parseMoneyInput(text));
    const dailyMicros = parse(daily);
    const monthlyMicros = parse(monthly);
    const bad = (text: string, micros: number | null) =>
      text.trim() !== '' && (micros === null || micros === 0);
    if (bad(daily, dailyMicros) || bad(monthly, monthlyMicros)) {
      setState('invalid');
      return;
    }
    void updateSettings({ dailyBudgetMicros: dailyMicros, monthlyBudgetMicros: monthlyMicros }).then(
      (saved) => {
        setState(saved ? 'saved' : 'idle');
      },
    );
  };

  const field = (name: 'daily' | 'monthly', value: string, change: (text: string) => void) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{t(`budget.${name}`)}</label>
      <input
        id={`${id}-${name}`}
        className="input"
        inputMode="decimal"
        value={value}
        aria-invalid={state === 'invalid' ? true : undefined}
        aria-describedby={`${id}-currency`}
        onChange={(event) => {
          setState('idle');
          change(event.target.value);
        }}
      />
    </div>
  );

  return (
    <section className="settings-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('budget.heading')}</h2>
      <p className="field__hint">{t('budget.intro')}</p>
      <form className="settings-form" onSubmit={onSubmit}>
        {field('daily', daily, setDaily)}
        {field('monthly', monthly, setMonthly)}
        <span id={`${id}-currency`} className="field__hint">
          {t('budget.currency', { currency: profile.currency, gateway: profile.label })}
        </span>
        {state === 'invalid' && (
          <p className="field__error" role="alert">
            {t('budget.invalid')}
          </p>
        )}
        <div className="settings-actions">
          <button className="button" type="submit">
            {t('budget.save')}
          </button>
          {state === 'saved' && (
            <span className="field__hint" role="status">
              {t('budget.saved')}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}

/** The opt-in balance check, explained, with the optional balance-only key CometAPI recommends. */
export function BalanceSection({ settings }: { settings: Settings }) {
  const { t } = useTranslation('settings');
  const balance = useAppStore((s) => s.balance);
  const loadBalance = useAppStore((s) => s.loadBalance);
  const refreshBalance = useAppStore((s) => s.refreshBalance);
  const saveBalanceKey = useAppStore((s) => s.saveBalanceKey);
  const removeBalanceKey = useAppStore((s) => s.removeBalanceKey);
  const updateSettings = useAppStore((s) => s.updateSettings);
  const [key, setKey] = useState('');
  const id = useId();
  const gateway = gatewayProfile(settings.gatewayKind).label;

  useEffect(() => {
    void loadBalance();
  }, [loadBalance, settings.gatewayKind, settings.balanceCheck]);

  if (balance && !balance.available) {
    return (
      <section className="settings-section" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>{t('balance.heading')}</h2>
        <p className="field__hint">{t('balance.unavailable', { gateway })}</p>
      </section>
    );
  }
  return (
    <section className="settings-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('balance.heading')}</h2>
      <p className="field__hint" id={`${id}-intro`}>
        {t('balance.intro', { gateway })}
      </p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={settings.balanceCheck}
          aria-describedby={`${id}-intro`}
          onChange={(event) => {
            const on = event.target.checked;
            void updateSettings({ balanceCheck: on }).then((saved) =>
              saved && on ? refreshBalance() : undefined,
            );
          }}
        />
        {t('balance.toggle')}
      </label>
      <p className="field__hint">
        {balance?.separateKeyLast4
          ? t('balance.keySaved', { last4: balance.separateKeyLast4 })
          : t('balance.keyNone')}
      </p>
      {balance?.problem && (
        <p className="field__hint">{t('balance.problem', { problem: balance.problem })}</p>
      )}
      <form
        className="settings-form"
        onSubmit={(event) => {
          event.preventDefault();
          void saveBalanceKey(key).then((saved) => {
            if (saved) setKey('');
          });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-key`}>{t('balance.keyLabel')}</label>
          <input
            id={`${id}-key`}
            className="input"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={key}
            onChange={(event) => {
              setKey(event.target.value);
            }}
          />
        </div>
        <div className="settings-actions">
          <button className="button" type="submit" disabled={key.trim().length < 8}>
            {t('balance.saveKey')}
          </button>
          {balance?.separateKeyLast4 && (
            <button className="button button--quiet" type="button" onClick={() => void removeBalanceKey()}>
              {t('balance.removeKey')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
