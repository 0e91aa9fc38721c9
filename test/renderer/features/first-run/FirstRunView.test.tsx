import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { KeyStatus, KeyVerification, Settings } from '../../../../src-preload/contract/ipc';
import { App } from '../../../../src-renderer/app/App';
import { firstRunSkippedKey } from '../../../../src-renderer/features/first-run/first-run-slice';
import { queueSnapshot } from '../../support/queue';
import { renderWithStore, testApp } from '../../support/app-store';
import { ok, type FakeHandlers } from '../../support/fake-api';
import { memoryStorage } from '../../support/memory-storage';
import { settle } from '../../support/manual-timers';
import { testSettings } from '../../support/settings';

const gateway = 'https://api.cometapi.com';
const settings: Settings = testSettings({ apiBaseUrl: gateway });
const status = (source: KeyStatus['source']): KeyStatus => ({
  source,
  last4: source === 'none' ? null : 'abcd',
  gateway,
  keychainAvailable: true,
  keychainProblem: null,
});

function verification(code: KeyVerification['check']['code'], saved: boolean): KeyVerification {
  return {
    check: { ok: code === null, code, message: code === null ? 'the key works' : `The check said ${code}.` },
    saved,
    status: status(saved ? 'keychain' : 'none'),
  };
}

async function start(handlers: FakeHandlers, storage = memoryStorage()) {
  const app = testApp(
    {
      'settings:get': () => ok(settings),
      'key:status': () => ok(status('none')),
      'network:status': () => ok({ source: 'system', proxy: null, problem: null }),
      'generation:jobs': () => ok([]),
      // The app takes images the OS asked it to edit whichever view shows.
      'edit:takeOpened': () => ok({ images: [], problems: [] }),
      'queue:list': () => ok(queueSnapshot()),
      'referenceSets:list': () => ok([]),
      ...handlers,
    },
    { storage },
  );
  renderWithStore(<App />, app);
  await act(settle);
  return app;
}

async function pasteAndVerify(key: string) {
  await userEvent.type(screen.getByLabelText('API key'), key);
  await userEvent.click(screen.getByRole('button', { name: 'Verify and save' }));
  await act(settle);
}

describe('the first run', () => {
  it('greets a user without a key, checks the key with the gateway and goes straight on to Generate', async () => {
    const app = await start({ 'key:verify': () => ok(verification(null, true)) });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Welcome to Seedream Studio');
    await pasteAndVerify('sk-good-key-abcd');
    expect(app.fake.callsTo('key:verify')).toEqual([
      { key: 'sk-good-key-abcd', sessionOnly: false, saveUnverified: false },
    ]);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Generate');
    expect(screen.getByRole('button', { name: 'Generate' })).toHaveProperty('disabled', false);
    expect(app.store.getState().toasts[0]?.notice).toEqual({ key: 'toast.keySaved', gateway });
  });

  it('never offers to save a key the gateway rejected', async () => {
    const app = await start({ 'key:verify': () => ok(verification('key-rejected', false)) });
    await pasteAndVerify('sk-wrong-key-0000');
    expect(screen.getByRole('alert').textContent).toContain('rejected this key, so it was not saved');
    expect(screen.queryByRole('button', { name: 'Save without checking' })).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Welcome to Seedream Studio');
    expect(app.store.getState().keyStatus?.source).toBe('none');
  });

  it('explains a gateway that could not be reached, and saves the key unchecked only when asked', async () => {
    const app = await start({
      'key:verify': ({ saveUnverified }) =>
        ok(saveUnverified ? verification('offline', true) : verification('offline', false)),
    });
    await pasteAndVerify('sk-offline-key-1111');
    expect(screen.getByRole('alert').textContent).toContain('could not be checked');
    expect(screen.getByRole('alert').textContent).toContain('The check said offline.');
    await userEvent.click(screen.getByRole('button', { name: 'Save without checking' }));
    await act(settle);
    expect(app.fake.callsTo('key:verify').map((call) => call.saveUnverified)).toEqual([false, true]);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Generate');
    expect(app.store.getState().toasts[0]?.notice.key).toBe('toast.keySavedUnchecked');
  });

  it('lets the user look around first; Generate then says why it cannot run and leads back', async () => {
    const storage = memoryStorage();
    const app = await start({}, storage);
    await userEvent.click(screen.getByRole('button', { name: 'Not now: browse the library' }));
    expect(storage.getItem(firstRunSkippedKey)).toBe('true');
    const generate = screen.getByRole('button', { name: 'Generate' });
    expect(generate).toHaveProperty('disabled', true);
    expect(generate.getAttribute('aria-describedby')).toBe('generate-summary');
    expect(document.getElementById('generate-summary')?.textContent).toContain(
      `Generating needs an API key for ${gateway}.`,
    );
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    expect(app.fake.callsTo('generation:start')).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Add API key' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Welcome to Seedream Studio');
    expect(storage.getItem(firstRunSkippedKey)).toBeNull();
  });
});
