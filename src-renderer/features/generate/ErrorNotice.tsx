import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError, ErrorCode } from '../../../src-preload/contract/errors';
import { useAppStore } from '../../app/store';
import errorTitles from '../../i18n/locales/en/generate.json';
import { adviseOn } from './error-advice';
import { focusControl } from './focus-control';
import { useTickingNow } from './use-ticking-now';

type TitledCode = keyof typeof errorTitles.errorTitles;

/** A code added to the contract after these translations still gets a title, and main's message says the rest. */
function hasTitle(code: string): code is TitledCode {
  return Object.hasOwn(errorTitles.errorTitles, code);
}

function titledCode(code: ErrorCode): TitledCode {
  return hasTitle(code) ? code : 'internal';
}

function WaitAdvice({ seconds, since }: { seconds: number; since: number }) {
  const { t } = useTranslation('generate');
  const now = useTickingNow(since + seconds * 1000);
  const left = Math.max(0, Math.ceil(seconds - (now - since) / 1000));
  return <p>{left > 0 ? t('errorAdvice.wait', { count: left }) : t('errorAdvice.waitOver')}</p>;
}

/** Key problems are solved in Settings; this is the one way there from the workspace. */
export function OpenSettingsButton() {
  const { t } = useTranslation('generate');
  const navigate = useAppStore((s) => s.navigate);
  return (
    <button
      type="button"
      className="button"
      onClick={() => {
        navigate('settings');
      }}
    >
      {t('errorAdvice.openSettings')}
    </button>
  );
}

interface ErrorNoticeProps {
  error: AppError;
  /** When the error happened (epoch ms), so a rate-limit countdown starts from the right moment; default now. */
  since?: number;
  onDismiss?: () => void;
}

/** An engine error in plain words, with the one thing to do about it. */
export function ErrorNotice({ error, since, onDismiss }: ErrorNoticeProps) {
  const { t } = useTranslation('generate');
  const [shownAt] = useState(() => Date.now());
  const action = adviseOn(error);
  return (
    <div className="notice notice--error error-notice" role="alert">
      <p className="error-notice__title">{t(`errorTitles.${titledCode(error.code)}`)}</p>
      <p>{error.message}</p>
      {action.kind === 'wait' && <WaitAdvice seconds={action.seconds} since={since ?? shownAt} />}
      <div className="error-notice__actions">
        {action.kind === 'settings' && <OpenSettingsButton />}
        {action.kind === 'field' && (
          <button
            type="button"
            className="button"
            onClick={() => {
              focusControl(action.field);
            }}
          >
            {t(`errorAdvice.field.${action.field}`)}
          </button>
        )}
        {onDismiss && (
          <button type="button" className="button button--quiet" onClick={onDismiss}>
            {t('errorAdvice.dismiss')}
          </button>
        )}
      </div>
    </div>
  );
}
