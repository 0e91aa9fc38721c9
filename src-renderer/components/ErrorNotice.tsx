import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError, ErrorCode } from '../../src-preload/contract/errors';
import type { GenerationField } from '../../src-preload/contract/generation';
import { useAppStore } from '../app/use-app-store';
import { useTickingNow } from '../hooks/use-ticking-now';
import common from '../i18n/locales/en/common.json';
import { adviseOn } from './error-advice';
import './ErrorNotice.css';

type TitledCode = keyof typeof common.errorTitles;

/** A code added to the contract after these translations still gets a title, and main's message says the rest. */
function hasTitle(code: string): code is TitledCode {
  return Object.hasOwn(common.errorTitles, code);
}

function titledCode(code: ErrorCode): TitledCode {
  return hasTitle(code) ? code : 'internal';
}

function WaitAdvice({ seconds, since }: { seconds: number; since: number }) {
  const { t } = useTranslation();
  const now = useTickingNow(since + seconds * 1000);
  const left = Math.max(0, Math.ceil(seconds - (now - since) / 1000));
  return <p>{left > 0 ? t('errorAdvice.wait', { count: left }) : t('errorAdvice.waitOver')}</p>;
}

/** Key problems are solved in Settings; this is the one way there from the workspace. */
export function OpenSettingsButton() {
  const { t } = useTranslation();
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
  /** Moves the focus to the control an error names; without it, no such advice is offered. */
  onFocusField?: (field: GenerationField) => void;
  onDismiss?: () => void;
}

/** An engine error in plain words, with the one thing to do about it. */
export function ErrorNotice({ error, since, onFocusField, onDismiss }: ErrorNoticeProps) {
  const { t } = useTranslation();
  const [shownAt] = useState(() => Date.now());
  const action = adviseOn(error);
  return (
    <div className="notice notice--error error-notice" role="alert">
      <p className="error-notice__title">{t(`errorTitles.${titledCode(error.code)}`)}</p>
      <p>{error.message}</p>
      {action.kind === 'wait' && <WaitAdvice seconds={action.seconds} since={since ?? shownAt} />}
      <div className="error-notice__actions">
        {action.kind === 'settings' && <OpenSettingsButton />}
        {action.kind === 'field' && onFocusField && (
          <button
            type="button"
            className="button"
            onClick={() => {
              onFocusField(action.field);
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
