import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { KeyStatus } from '../../../../src-preload/contract/ipc';
import { SettingsView } from '../../../../src-renderer/features/settings/SettingsView';
import { chooseOption } from '../../support/select';
import { testSettings } from '../../support/settings';
import { renderWithStore, testApp } from '../../support/app-store';
import { failed, ok } from '../../support/fake-api';
import { settle } from '../../support/manual-timers';

const status = (last4: string | null): KeyStatus => ({
  source: last4 ? 'keychain' : 'none',
  last4,
  gateway: 'https://api.cometapi.com',
  keychainAvailable: true,
  keychainProblem: null,
});

async function settingsView(handlers: Parameters<typeof testApp>[0] = {}) {
  const app = testApp({
    'settings:get': () => ok(testSettings()),
    'key:status': () => ok(status(null)),
    'network:status': () => ok({ source: 'system', proxy: null, problem: null }),
    'balance:status': () =>
      ok({
        available: true,
        enabled: false,
        separateKeyLast4: null,
        remaining: null,
        checkedAt: null,
        problem: null,
      }),
    ...handlers,
  });
  renderWithStore(<SettingsView />, app);
  await act(settle);
  return app;
}

describe('<SettingsView>', () => {
  it('saves a key and shows only its last four characters', async () => {
    const app = await settingsView({ 'key:save': () => ok(status('9xyz')) });
    // A password field has no textbox role in the DOM's accessibility mapping, only its label.
    const keyField = screen.getByLabelText<HTMLInputElement>('API key');
    await userEvent.type(keyField, 'sk-test-key-9xyz');
    await userEvent.click(screen.getByRole('button', { name: 'Save key' }));
    await act(settle);
    expect(app.fake.callsTo('key:save')).toEqual([{ key: 'sk-test-key-9xyz', sessionOnly: false }]);
    expect(screen.getAllByRole('status').some((line) => line.textContent.includes('9xyz'))).toBe(true);
    expect(keyField.value).toBe('');
  });

  it('announces the answer of a connection test in a live region that was there before it', async () => {
    await settingsView({
      'key:status': () => ok(status('9xyz')),
      'key:test': () =>
        ok({ ok: true, code: null, message: 'Connected to api.cometapi.com: the key works.' }),
    });
    const regions = screen.getAllByRole('status');
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await act(settle);
    const answer = screen
      .getByText('Connected to api.cometapi.com: the key works.')
      .closest('[role="status"]');
    expect(answer).not.toBeNull();
    expect(regions).toContain(answer);
  });

  it('shows main’s reason when a change is refused', async () => {
    await settingsView({
      'settings:update': () => failed('Enter a full address that starts with http:// or https://'),
    });
    const address = screen.getByRole('textbox', { name: 'API base URL' });
    await userEvent.clear(address);
    await userEvent.type(address, 'ftp://example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Save address' }));
    await act(settle);
    expect(screen.getByRole('alert').textContent).toContain('http:// or https://');
  });

  it('lays the settings out in sections and picks the language from a pop-up list', async () => {
    const app = await settingsView({
      'settings:update': (patch) => ok(testSettings({ ...patch })),
    });
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual([
      'CometAPI key',
      'Gateway',
      'Budgets',
      'Balance',
      'Network',
      'Generation',
      'Language',
      'Queue',
    ]);
    await userEvent.click(screen.getByRole('combobox', { name: 'Language' }));
    await userEvent.click(await screen.findByRole('option', { name: '简体中文' }));
    await act(settle);
    expect(app.fake.callsTo('settings:update')).toEqual([{ language: 'zh-CN' }]);
  });

  it('turns progressive results on with a switch', async () => {
    const app = await settingsView({
      'settings:update': (patch) => ok(testSettings({ ...patch })),
    });
    await userEvent.click(screen.getByRole('switch', { name: 'Progressive results' }));
    await act(settle);
    expect(app.fake.callsTo('settings:update')).toEqual([{ progressiveResults: true }]);
  });

  it('sets how many queued requests go at once and per minute', async () => {
    const app = await settingsView({ 'settings:update': (patch) => ok(testSettings(patch)) });
    const user = userEvent.setup();
    await chooseOption(user, 'Requests sent at once', '4');
    await chooseOption(user, 'Requests per minute, at most', '60');
    expect(app.fake.callsTo('settings:update')).toEqual([
      { queueConcurrency: 4 },
      { queueRequestsPerMinute: 60 },
    ]);
  });
});
