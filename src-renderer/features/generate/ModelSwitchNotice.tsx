import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/use-app-store';

/** What the last model switch changed, in a short list, with Undo; nothing is changed silently. */
export function ModelSwitchNotice() {
  const { t } = useTranslation('generate');
  const notice = useAppStore((s) => s.modelSwitch);
  const undo = useAppStore((s) => s.undoModelSwitch);
  const dismiss = useAppStore((s) => s.dismissModelSwitch);
  if (!notice) return null;
  return (
    <div className="notice model-switch" role="status">
      <p>{t('modelSwitch.title', { to: notice.to })}</p>
      <ul>
        {notice.changes.map((change) => (
          <li key={change.code}>{t(`modelSwitch.change.${change.code}`, change.params)}</li>
        ))}
      </ul>
      <div className="model-switch__actions">
        <button type="button" className="button button--small" onClick={undo}>
          {t('modelSwitch.undo')}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={dismiss}>
          {t('modelSwitch.dismiss')}
        </button>
      </div>
    </div>
  );
}
