import * as Switch from '@radix-ui/react-switch';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../src-preload/contract/ipc';
import { useAppStore } from '../../app/use-app-store';
import { Select } from '../../components/Select';
import { ViewHeader } from '../../components/ViewHeader';
import { ApiKeySection } from './ApiKeySection';
import { GatewaySection } from './GatewaySection';
import { BalanceSection, BudgetSection } from './MoneySettings';
import { NetworkSection } from './NetworkSection';
import { QueueSection } from './QueueSection';
import { SettingsSection } from './SettingsSection';
import './settings.css';

function GenerationSection({ settings }: { settings: Settings }) {
  const { t } = useTranslation('settings');
  const updateSettings = useAppStore((s) => s.updateSettings);
  const id = useId();
  return (
    <SettingsSection title={t('generation.heading')}>
      <div className="settings-toggle">
        <div>
          <label htmlFor={id}>{t('gateway.progressive')}</label>
          <p id={`${id}-hint`} className="field__hint">
            {t('gateway.progressiveHint')}
          </p>
        </div>
        <Switch.Root
          id={id}
          className="switch"
          checked={settings.progressiveResults}
          aria-describedby={`${id}-hint`}
          onCheckedChange={(checked) => void updateSettings({ progressiveResults: checked })}
        >
          <Switch.Thumb className="switch__thumb" />
        </Switch.Root>
      </div>
    </SettingsSection>
  );
}

const languageNames = { en: 'English', 'zh-CN': '简体中文' } as const;

function LanguageSection({ settings }: { settings: Settings }) {
  const { t } = useTranslation('settings');
  const updateSettings = useAppStore((s) => s.updateSettings);
  const id = useId();
  return (
    <SettingsSection title={t('language.heading')} description={t('language.hint')}>
      <div className="field">
        <label htmlFor={id}>{t('language.label')}</label>
        <Select
          id={id}
          className="settings-select"
          value={settings.language}
          options={[
            { value: 'system', label: t('language.system') },
            { value: 'en', label: languageNames.en },
            { value: 'zh-CN', label: languageNames['zh-CN'] },
          ]}
          onChange={(language) => void updateSettings({ language })}
        />
      </div>
    </SettingsSection>
  );
}

export function SettingsView() {
  const { t } = useTranslation();
  const loadSettings = useAppStore((s) => s.loadSettings);
  const settings = useAppStore((s) => s.settings);
  const error = useAppStore((s) => s.settingsError);

  useEffect(() => {
    void loadSettings();
  }, [loadSettings]);

  return (
    <section className="view" aria-labelledby="view-title">
      <ViewHeader title={t('views.settings.title')} />
      <div className="view__body settings">
        {error && (
          <p className="notice notice--error" role="alert">
            {error.message}
          </p>
        )}
        <ApiKeySection />
        <GatewaySection />
        {settings && <BudgetSection key={settings.gatewayKind} settings={settings} />}
        {settings && <BalanceSection settings={settings} />}
        <NetworkSection />
        {settings && <GenerationSection settings={settings} />}
        {settings && <LanguageSection settings={settings} />}
        <QueueSection />
      </div>
    </section>
  );
}
