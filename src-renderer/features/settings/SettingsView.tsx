import { useEffect, useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ExternalLink } from '../../components/ExternalLink';
import { ViewHeader } from '../../components/ViewHeader';
import { useAppStore, useAppStoreApi } from '../../app/use-app-store';
import { externalLinks } from '../../../src-preload/contract/external-links';
import type { KeyStatus, Settings } from '../../../src-preload/contract/ipc';
import './settings.css';
import { NetworkSection } from './NetworkSection';

function KeyStatusLine({ status }: { status: KeyStatus }) {
  const { t } = useTranslation('settings');
  const last4 = status.last4 ?? '';
  return (
    <>
      <p role="status">{t(`key.status.${status.source}`, { last4, gateway: status.gateway })}</p>
      {status.source === 'none' && (
        <p className="field__hint" role="note">
          {t('key.perGateway')}
        </p>
      )}
    </>
  );
}

function ApiKeySection() {
  const { t } = useTranslation('settings');
  const keyStatus = useAppStore((s) => s.keyStatus);
  const busy = useAppStore((s) => s.settingsBusy);
  const saveKey = useAppStore((s) => s.saveKey);
  const removeKey = useAppStore((s) => s.removeKey);
  const testConnection = useAppStore((s) => s.testConnection);
  const connection = useAppStore((s) => s.connection);
  const [draft, setDraft] = useState('');
  const [sessionOnly, setSessionOnly] = useState(false);
  const inputId = useId();
  const keychainMissing = keyStatus !== null && !keyStatus.keychainAvailable;

  const onSubmit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (await saveKey(draft, sessionOnly || keychainMissing)) setDraft('');
  };

  return (
    <section className="settings-section" aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`}>{t('key.heading')}</h2>
      {keyStatus && <KeyStatusLine status={keyStatus} />}
      {keychainMissing && (
        <div className="notice" role="note">
          <p>{t('key.keychainMissing')}</p>
          {keyStatus.keychainProblem && <p className="field__hint">{keyStatus.keychainProblem}</p>}
        </div>
      )}
      <form className="settings-form" onSubmit={(event) => void onSubmit(event)}>
        <div className="field">
          <label htmlFor={inputId}>{t('key.label')}</label>
          <input
            id={inputId}
            className="input"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={draft}
            placeholder={t('key.placeholder')}
            onChange={(event) => {
              setDraft(event.target.value);
            }}
          />
          <span className="field__hint">{t('key.hint')}</span>
          <ExternalLink href={externalLinks.cometApi}>{t('key.getKey')}</ExternalLink>
        </div>
        {!keychainMissing && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={sessionOnly}
              onChange={(event) => {
                setSessionOnly(event.target.checked);
              }}
            />
            {t('key.sessionOnly')}
          </label>
        )}
        <div className="settings-actions">
          <button
            className="button button--primary"
            type="submit"
            disabled={draft.trim() === '' || busy !== null}
          >
            {keychainMissing ? t('key.useForSession') : t('key.save')}
          </button>
          <button
            className="button"
            type="button"
            disabled={busy !== null || keyStatus?.source === 'none'}
            onClick={() => void testConnection()}
          >
            {busy === 'testing' ? t('key.testing') : t('key.test')}
          </button>
          <button
            className="button button--danger"
            type="button"
            disabled={busy !== null || keyStatus?.source === 'none' || keyStatus?.source === 'environment'}
            onClick={() => void removeKey()}
          >
            {t('key.remove')}
          </button>
        </div>
      </form>
      {connection && (
        <p className={`notice ${connection.ok ? 'notice--success' : 'notice--error'}`} role="status">
          {connection.message}
        </p>
      )}
    </section>
  );
}

function GatewaySection() {
  const settings = useAppStore((s) => s.settings);
  const [savedUrl, setSavedUrl] = useState<string | null>(null);
  // Keyed by the saved address so the draft starts over whenever main reports a new one.
  return (
    settings && (
      <GatewayForm
        key={settings.apiBaseUrl}
        settings={settings}
        justSaved={savedUrl === settings.apiBaseUrl}
        onSaved={setSavedUrl}
      />
    )
  );
}

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
    <section className="settings-section" aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`}>{t('gateway.heading')}</h2>
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
          <span className="field__hint">{t('gateway.hint')}</span>
          <ExternalLink href={externalLinks.seedreamDocs}>{t('gateway.docs')}</ExternalLink>
        </div>
        <div className="settings-actions">
          <button
            className="button"
            type="submit"
            disabled={busy !== null || baseUrl.trim() === settings.apiBaseUrl}
          >
            {t('gateway.save')}
          </button>
          {justSaved && (
            <span className="field__hint" role="status">
              {t('gateway.saved')}
            </span>
          )}
        </div>
      </form>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={settings.progressiveResults}
          onChange={(event) => void updateSettings({ progressiveResults: event.target.checked })}
        />
        {t('gateway.progressive')}
      </label>
      <p className="field__hint">{t('gateway.progressiveHint')}</p>
      <div className="field">
        <label htmlFor={`${inputId}-language`}>{t('language.label')}</label>
        <select
          id={`${inputId}-language`}
          className="input"
          value={settings.language}
          onChange={(event) => {
            const language = event.target.value;
            if (language === 'system' || language === 'en' || language === 'zh-CN') {
              void updateSettings({ language });
            }
          }}
        >
          <option value="system">{t('language.system')}</option>
          <option value="en">English</option>
          <option value="zh-CN">简体中文</option>
        </select>
      </div>
    </section>
  );
}

export function SettingsView() {
  const { t } = useTranslation();
  const loadSettings = useAppStore((s) => s.loadSettings);
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
        <NetworkSection />
      </div>
    </section>
  );
}
