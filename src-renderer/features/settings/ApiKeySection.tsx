import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { externalLinks } from '../../../src-preload/contract/external-links';
import type { KeyStatus } from '../../../src-preload/contract/ipc';
import { useAppStore } from '../../app/use-app-store';
import { ExternalLink } from '../../components/ExternalLink';
import { SettingsSection } from './SettingsSection';

function KeyStatusLine({ status }: { status: KeyStatus }) {
  const { t } = useTranslation('settings');
  const last4 = status.last4 ?? '';
  return (
    <>
      <p className="settings-status" role="status">
        {t(`key.status.${status.source}`, { last4, gateway: status.gateway })}
      </p>
      {status.source === 'none' && (
        <p className="field__hint" role="note">
          {t('key.perGateway')}
        </p>
      )}
    </>
  );
}

/** The key for the gateway in use: its status, a field to replace it, and a test against the gateway. */
export function ApiKeySection() {
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
    <SettingsSection
      title={t('key.heading')}
      description={
        <>
          {t('key.hint')} <ExternalLink href={externalLinks.cometApi}>{t('key.getKey')}</ExternalLink>
        </>
      }
    >
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
      {/* Always there, so that the answer of a test is announced when it appears in it. */}
      <div role="status">
        {connection && (
          <p className={`notice ${connection.ok ? 'notice--success' : 'notice--error'}`}>
            {connection.message}
          </p>
        )}
      </div>
    </SettingsSection>
  );
}
