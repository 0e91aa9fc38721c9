import { act, screen } from '@testing-library/react';
import { useTranslation } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../../src-preload/contract/ipc';
import { i18next } from '../../../src-renderer/i18n';
import { useLiveLanguage } from '../../../src-renderer/i18n/use-live-language';
import { renderWithStore, testApp } from '../support/app-store';
import { ok } from '../support/fake-api';
import { settle } from '../support/manual-timers';
import { testSettings } from '../support/settings';

const settings: Settings = testSettings();

function Labelled() {
  useLiveLanguage('en-GB');
  const { t } = useTranslation();
  const { t: tg } = useTranslation('generate');
  return (
    <>
      <h1>{t('nav.library')}</h1>
      <button type="button">{tg('generateButton.label')}</button>
    </>
  );
}

afterEach(async () => {
  await i18next.changeLanguage('en');
});

describe('useLiveLanguage', () => {
  it('re-renders every translated string when Settings change the language, without a reload', async () => {
    const app = testApp({
      'settings:get': () => ok(settings),
      'key:status': () =>
        ok({ source: 'none', last4: null, gateway: '', keychainAvailable: true, keychainProblem: null }),
      'settings:update': (patch) => ok({ ...settings, ...patch }),
      'network:status': () => ok({ source: 'system', proxy: null, problem: null }),
    });
    renderWithStore(<Labelled />, app);
    await act(() => app.store.getState().loadSettings());
    expect(screen.getByRole('heading').textContent).toBe('Library');

    await act(() => app.store.getState().updateSettings({ language: 'zh-CN' }));
    await act(settle);
    expect(screen.getByRole('heading').textContent).toBe('图库');
    expect(screen.getByRole('button').textContent).toBe('生成');
    expect(document.documentElement.lang).toBe('zh-CN');

    await act(() => app.store.getState().updateSettings({ language: 'system' }));
    await act(settle);
    expect(screen.getByRole('heading').textContent).toBe('Library');
    expect(document.documentElement.lang).toBe('en');
  });

  it('follows a change main announces, such as one made in another window', async () => {
    const app = testApp({ 'settings:get': () => ok(settings) });
    renderWithStore(<Labelled />, app);
    const stop = app.store.getState().watchSettings();
    act(() => {
      app.fake.emit('settings:changed', { ...settings, language: 'zh-CN' });
    });
    await act(settle);
    expect(screen.getByRole('heading').textContent).toBe('图库');
    stop();
    expect(app.fake.listenerCount('settings:changed')).toBe(0);
  });
});
