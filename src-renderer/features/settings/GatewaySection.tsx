import { GatewayProfileField } from './MoneySettings';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { externalLinks } from '../../../src-preload/contract/external-links';
import type { Settings } from '../../../src-preload/contract/ipc';
import { useAppStore, useAppStoreApi } from '../../app/use-app-store';
import { ExternalLink } from '../../components/ExternalLink';
import { SettingsSection } from './SettingsSection';

interface GatewayFormProps {
  settings: Settings;
  justSaved: boolean;
  onSaved: (url: string | null) => void;
}

function GatewayForm({ settings, justSaved, onSaved }: GatewayFormProps) {
  const { t } = useTranslation('settings');
  const store = useAppStoreApi();
  const updateSettings = useAppStore((s) => s.updateSettings);
  const busy = useAppStore((s) => s.settingsBusy);
  const [baseUrl, setBaseUrl] = useState(settings.apiBaseUrl);
  const inputId = useId();

  return (
    <form
      className="settings-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSaved(null);
        void updateSettings({ apiBaseUrl: baseUrl }).then((ok) => {
          if (ok) onSaved(store.getState().settings?.apiBaseUrl ?? null);
        });
      }}
    >
      <div className="field">
        <label htmlFor={inputId}>{t('gateway.label')}</label>
        <input
          id={inputId}
          className="input"
          type="url"
          spellCheck={false}
          value={baseUrl}
          onChange={(event) => {
            onSaved(null);
            setBaseUrl(event.target.value);
          }}
        />
      </div>
      <div className="settings-actions">
        <button
          className="button"
          type="submit"
          disabled={busy !== null || baseUrl.trim() === settings.apiBaseUrl}
        >
          {t('gateway.save')}
        </button>
        <span className="field__hint" role="status">
          {justSaved ? t('gateway.saved') : ''}
        </span>
      </div>
    </form>
  );
}

/** Where requests go. Keys belong to an address, so changing it may ask for another key. */
export function GatewaySection() {
  const { t } = useTranslation('settings');
  const settings = useAppStore((s) => s.settings);
  const [savedUrl, setSavedUrl] = useState<string | null>(null);
  return (
    <SettingsSection
      title={t('gateway.heading')}
      description={
        <>
          {t('gateway.hint')}{' '}
          <ExternalLink href={externalLinks.seedreamDocs}>{t('gateway.docs')}</ExternalLink>
        </>
      }
    >
      <GatewayProfileField />
      {settings && (
        // Keyed by the saved address so the draft starts over whenever main reports a new one.
        <GatewayForm
          key={settings.apiBaseUrl}
          settings={settings}
          justSaved={savedUrl === settings.apiBaseUrl}
          onSaved={setSavedUrl}
        />
      )}
    </SettingsSection>
  );
}
