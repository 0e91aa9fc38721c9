import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useAppStoreApi } from '../../app/use-app-store';
import type { Settings } from '../../../src-preload/contract/ipc';
import { networkStatusKey } from './network-status';
import { SettingsSection } from './SettingsSection';

function NetworkStatusLine() {
  const { t } = useTranslation('settings');
  const status = useAppStore((s) => s.networkStatus);
  if (!status) return null;
  const key = networkStatusKey(status);
  return key === null ? (
    <p className="notice notice--error" role="alert">
      {status.problem}
    </p>
  ) : (
    <p role="status">{t(`network.status.${key}`, { proxy: status.proxy ?? '' })}</p>
  );
}

interface NetworkFormProps {
  settings: Settings;
  justSaved: boolean;
  onSaved: (saved: string | null) => void;
}

function NetworkForm({ settings, justSaved, onSaved }: NetworkFormProps) {
  const { t } = useTranslation('settings');
  const store = useAppStoreApi();
  const updateSettings = useAppStore((s) => s.updateSettings);
  const busy = useAppStore((s) => s.settingsBusy);
  const [mode, setMode] = useState(settings.proxyMode);
  const [url, setUrl] = useState(settings.proxyUrl);
  const id = useId();
  const changed = mode !== settings.proxyMode || url.trim() !== settings.proxyUrl;

  return (
    <form
      className="settings-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSaved(null);
        void updateSettings({ proxyMode: mode, proxyUrl: url }).then((ok) => {
          const next = store.getState().settings;
          if (ok && next) onSaved(`${next.proxyMode} ${next.proxyUrl}`);
        });
      }}
    >
      <fieldset className="settings-form">
        <legend className="visually-hidden">{t('network.heading')}</legend>
        {(['system', 'manual'] as const).map((choice) => (
          <label key={choice} className="checkbox">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === choice}
              onChange={() => {
                setMode(choice);
              }}
            />
            {t(choice === 'system' ? 'network.useSystem' : 'network.useManual')}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={id}>{t('network.label')}</label>
        <input
          id={id}
          className="input"
          type="text"
          autoComplete="off"
          spellCheck={false}
          placeholder="http://proxy.example.com:8080"
          disabled={mode === 'system'}
          value={url}
          onChange={(event) => {
            onSaved(null);
            setUrl(event.target.value);
          }}
        />
        <span className="field__hint">{t('network.hint')}</span>
      </div>
      <div className="settings-actions">
        <button className="button" type="submit" disabled={busy !== null || !changed}>
          {t('network.save')}
        </button>
        {justSaved && (
          <span className="field__hint" role="status">
            {t('network.saved')}
          </span>
        )}
      </div>
    </form>
  );
}

/** Which proxy the app uses and a manual one to set; secure connections trust the system's certificates. */
export function NetworkSection() {
  const { t } = useTranslation('settings');
  const settings = useAppStore((s) => s.settings);
  const [saved, setSaved] = useState<string | null>(null);
  if (!settings) return null;
  const current = `${settings.proxyMode} ${settings.proxyUrl}`;
  return (
    <SettingsSection title={t('network.heading')} description={t('network.certificates')}>
      <NetworkStatusLine />
      {/* Keyed by the saved proxy so the draft starts over whenever main reports a new one. */}
      <NetworkForm key={current} settings={settings} justSaved={saved === current} onSaved={setSaved} />
    </SettingsSection>
  );
}
