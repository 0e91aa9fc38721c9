import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/store';
import type { Toast } from './library-slice';

function ToastText({ toast }: { toast: Toast }) {
  const { t } = useTranslation('library');
  const { key, ...values } = toast.message;
  return <span className="toast__text">{t(key, values)}</span>;
}

/** Outcomes of library actions, each with Undo where the action can be undone. */
export function LibraryToasts() {
  const { t } = useTranslation('library');
  const toasts = useAppStore((s) => s.libraryToasts);
  const dismiss = useAppStore((s) => s.dismissLibraryToast);
  const restore = useAppStore((s) => s.restoreLibraryImages);
  return (
    <section className="toasts" aria-label={t('toast.region')}>
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={toast.message.key === 'toast.failed' ? 'toast toast--error' : 'toast'}
          role={toast.message.key === 'toast.failed' ? 'alert' : 'status'}
        >
          <ToastText toast={toast} />
          {toast.undoTrash && (
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                const ids = toast.undoTrash ?? [];
                dismiss(toast.id);
                void restore(ids);
              }}
            >
              {t('toast.undo')}
            </button>
          )}
          <button
            type="button"
            className="toast__close"
            aria-label={t('toast.dismiss')}
            onClick={() => {
              dismiss(toast.id);
            }}
          >
            ×
          </button>
        </div>
      ))}
    </section>
  );
}
