import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { BalanceStatus, Settings } from '../../../../src-preload/contract/ipc';
import { SettingsView } from '../../../../src-renderer/features/settings/SettingsView';
import { renderWithStore, testApp } from '../../support/app-store';
import { ok } from '../../support/fake-api';
import { settle } from '../../support/manual-timers';
import { openOptions } from '../../support/select';
import { testSettings } from '../../support/settings';

const base = testSettings();

const balance: BalanceStatus = {
  available: true,
  enabled: false,
  separateKeyLast4: null,
  remaining: null,
  checkedAt: null,
  problem: null,
};

async function settingsView(settings: Partial<Settings> = {}) {
  let current = { ...base, ...settings };
  const app = testApp({
    'settings:get': () => ok(current),
    'settings:update': (patch) => {
      current = { ...current, ...patch };
      if (patch.gatewayKind === 'volcengine') current.apiBaseUrl = 'https://ark.cn-beijing.volces.com';
      return ok(current);
    },
    'key:status': () =>
      ok({
        source: 'none',
        last4: null,
        gateway: current.apiBaseUrl,
        keychainAvailable: true,
        keychainProblem: null,
      }),
    'network:status': () => ok({ source: 'system', proxy: null, problem: null }),
    'balance:status': () =>
      ok({ ...balance, enabled: current.balanceCheck, available: current.gatewayKind === 'cometapi' }),
    'balance:refresh': () =>
      ok({ ...balance, enabled: true, remaining: { micros: 3_000_000, currency: 'USD' } }),
    'balance:saveKey': ({ key }) => ok({ ...balance, separateKeyLast4: key.slice(-4) }),
    'models:offer': () => ok({ gateway: 'Volcengine Ark', source: 'built-in', fetchedAt: null, models: [] }),
  });
  renderWithStore(<SettingsView />, app);
  await act(settle);
  return app;
}

describe('Settings: gateways and money', () => {
  it('saves the daily and monthly budgets exactly, in the gateway’s currency', async () => {
    const app = await settingsView();
    const user = userEvent.setup();
    expect(screen.getByText('In USD, the currency CometAPI bills in.')).toBeTruthy();
    await user.type(screen.getByLabelText('Daily budget'), '2.50');
    await user.type(screen.getByLabelText('Monthly budget'), '40');
    await user.click(screen.getByRole('button', { name: 'Save budgets' }));
    await act(settle);
    expect(app.fake.callsTo('settings:update').at(-1)).toEqual({
      dailyBudgetMicros: 2_500_000,
      monthlyBudgetMicros: 40_000_000,
    });
    expect(screen.getByText('Budgets saved.')).toBeTruthy();
  });

  it('refuses an amount that is not one, saying how to write it', async () => {
    const app = await settingsView({ dailyBudgetMicros: 5_000_000 });
    const user = userEvent.setup();
    expect(screen.getByLabelText('Daily budget')).toHaveProperty('value', '5');
    await user.type(screen.getByLabelText('Monthly budget'), 'lots');
    await user.click(screen.getByRole('button', { name: 'Save budgets' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'Enter an amount such as 5 or 12.50, or leave the field empty for no budget.',
    );
    expect(app.fake.callsTo('settings:update')).toEqual([]);
  });

  it('switches gateway profiles and reads what the new one offers', async () => {
    const app = await settingsView();
    const user = userEvent.setup();
    const picker = screen.getByRole('combobox', { name: 'Gateway' });
    expect(picker.textContent).toBe('CometAPI');
    // The app's pop-up list, as the other pickers: a listbox of the four profiles, not a native menu.
    expect(await openOptions(user, 'Gateway')).toEqual([
      'CometAPI',
      'BytePlus ModelArk',
      'Volcengine Ark',
      'Custom (OpenAI-compatible)',
    ]);
    await user.click(screen.getByRole('option', { name: 'Volcengine Ark' }));
    await act(settle);
    expect(screen.getByRole('combobox', { name: 'Gateway' }).textContent).toBe('Volcengine Ark');
    expect(app.fake.callsTo('settings:update')).toEqual([{ gatewayKind: 'volcengine' }]);
    expect(app.fake.callsTo('models:offer')).toEqual([{ refresh: true }]);
    expect(screen.getByText('In CNY, the currency Volcengine Ark bills in.')).toBeTruthy();
    expect(screen.getByText('Volcengine Ark has no balance service the app can ask.')).toBeTruthy();
  });

  it('checks the balance only once the user turns it on, with the balance-only key', async () => {
    const app = await settingsView();
    const user = userEvent.setup();
    expect(app.fake.callsTo('balance:refresh')).toEqual([]);
    await user.click(screen.getByRole('checkbox', { name: 'Show the remaining balance' }));
    await act(settle);
    expect(app.fake.callsTo('settings:update')).toEqual([{ balanceCheck: true }]);
    expect(app.fake.callsTo('balance:refresh')).toHaveLength(1);
    await user.type(screen.getByLabelText('Balance-only key (optional)'), 'sk-zero-quota-key-9876');
    await user.click(screen.getByRole('button', { name: 'Save balance key' }));
    await act(settle);
    expect(app.fake.callsTo('balance:saveKey')).toEqual([{ key: 'sk-zero-quota-key-9876' }]);
    expect(screen.getByText('Balance-only key ending in 9876 saved.')).toBeTruthy();
  });
});
