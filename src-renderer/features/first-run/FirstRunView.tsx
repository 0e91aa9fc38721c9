import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { externalLinks } from '../../../src-preload/contract/external-links';
import type { KeyVerification } from '../../../src-preload/contract/ipc';
import { useAppStore } from '../../app/use-app-store';
import { ExternalLink } from '../../components/ExternalLink';
import { focusControl } from '../generate/controls';
import './first-run.css';

/** What went wrong with a key that was not saved, and whether saving it unchecked is on offer. */
function VerificationProblem({
  verification,
  onSaveAnyway,
}: {
  verification: KeyVerification;
  onSaveAnyway: () => void;
}) {
  const { t } = useTranslation('settings');
  const busy = useAppStore((s) => s.settingsBusy);
  const rejected = verification.check.code === 'key-rejected';
  return (
    <div className="notice notice--error first-run__problem" role="alert">
      <p>
        {rejected
          ? t('firstRun.rejected', { gateway: verification.status.gateway })
          : t('firstRun.unchecked', { gateway: verification.status.gateway })}
      </p>
      <p className="first-run__detail">{verification.check.message}</p>
      {!rejected && (
        <div className="first-run__problem-actions">
          <button type="button" className="button" disabled={busy !== null} onClick={onSaveAnyway}>
            {t('firstRun.saveAnyway')}
          </button>
          <span className="field__hint">{t('firstRun.saveAnywayHint')}</span>
        </div>
      )}
    </div>
  );
}

/**
 * Shown on Generate while the gateway in use has no key: paste the key, have the gateway check it, and go
 * straight on to Generate. The key is saved only once the gateway accepts it (or the user insists after the
 * gateway could not be reached); a rejected key is never kept.
 */
export function FirstRunView() {
  const { t } = useTranslation('settings');
  const keyStatus = useAppStore((s) => s.keyStatus);
  const busy = useAppStore((s) => s.settingsBusy);
  const error = useAppStore((s) => s.settingsError);
  const verification = useAppStore((s) => s.keyVerification);
  const verifyKey = useAppStore((s) => s.verifyKey);
  const skip = useAppStore((s) => s.skipFirstRun);
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);
  const [draft, setDraft] = useState('');
  const [checked, setChecked] = useState<string | null>(null);
  const inputId = useId();
  const gateway = keyStatus?.gateway ?? '';
  const sessionOnly = keyStatus !== null && !keyStatus.keychainAvailable;
  const problem = verification && !verification.saved && checked === draft.trim() ? verification : null;

  const submit = async (saveUnverified: boolean) => {
    const key = draft.trim();
    setChecked(key);
    const result = await verifyKey(key, { sessionOnly, saveUnverified });
    if (!result?.saved) return;
    notify(
      result.check.ok
        ? { key: 'toast.keySaved', gateway: result.status.gateway }
        : result.check.code === 'no-credit'
          ? { key: 'toast.keySavedNoCredit', gateway: result.status.gateway }
          : { key: 'toast.keySavedUnchecked', gateway: result.status.gateway },
    );
    // The welcome screen gives way to Generate; the prompt is where work starts.
    window.requestAnimationFrame(() => {
      focusControl('prompt');
    });
  };

  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    void submit(false);
  };

  return (
    <section className="view first-run" aria-labelledby="view-title">
      <div className="first-run__card">
        <div className="first-run__mark" aria-hidden="true">
          S
        </div>
        <h1 id="view-title" className="first-run__title">
          {t('firstRun.title')}
        </h1>
        <p className="first-run__lead">{t('firstRun.lead')}</p>
        <form className="first-run__form" onSubmit={onSubmit}>
          <label htmlFor={inputId} className="first-run__label">
            {t('key.label')}
          </label>
          <input
            id={inputId}
            className="input first-run__input"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={draft}
            placeholder={t('key.placeholder')}
            aria-describedby={`${inputId}-hint`}
            onChange={(event) => {
              setDraft(event.target.value);
            }}
          />
          <p id={`${inputId}-hint`} className="field__hint">
            {sessionOnly ? t('firstRun.sessionOnly', { gateway }) : t('firstRun.where', { gateway })}
          </p>
          <div className="first-run__actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={draft.trim() === '' || busy !== null}
              aria-describedby={`${inputId}-progress`}
            >
              {t('firstRun.verify')}
            </button>
            <ExternalLink href={externalLinks.cometApi}>{t('firstRun.getKey')}</ExternalLink>
          </div>
          <p id={`${inputId}-progress`} className="field__hint" role="status">
            {busy === 'verifying-key' ? t('firstRun.checking', { gateway }) : ''}
          </p>
        </form>
        {problem && (
          <VerificationProblem
            verification={problem}
            onSaveAnyway={() => {
              void submit(true);
            }}
          />
        )}
        {error && !problem && (
          <p className="notice notice--error" role="alert">
            {error.message}
          </p>
        )}
        <div className="first-run__footer">
          <button type="button" className="button button--quiet" onClick={skip}>
            {t('firstRun.notNow')}
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              navigate('settings');
            }}
          >
            {t('firstRun.otherGateway')}
          </button>
        </div>
      </div>
    </section>
  );
}
