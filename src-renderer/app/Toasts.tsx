import { useRef } from 'react';
import * as ToastPrimitive from '@radix-ui/react-toast';
import { useTranslation } from 'react-i18next';
import { isFailure, type Toast } from './notifications-slice';
import { useAppStore } from './use-app-store';
import './toasts.css';

/** Long enough to read a sentence and reach Undo; Radix pauses it while the pointer or focus is on a toast. */
const toastLifetimeMs = 8000;

function ToastItem({ toast }: { toast: Toast }) {
  const { t } = useTranslation();
  const dismiss = useAppStore((s) => s.dismissToast);
  const ref = useRef<HTMLLIElement>(null);
  /**
   * Radix lets the newest toast take Escape even when the focus is elsewhere, such as in a dialog opened before
   * it. That Escape belongs to the dialog (or the grid), so it leaves the toast alone and goes on its way.
   */
  const escapeElsewhere = useRef(false);
  const { key, ...values } = toast.notice;
  return (
    <ToastPrimitive.Root
      ref={ref}
      className={isFailure(toast) ? 'toast toast--error' : 'toast'}
      type={isFailure(toast) ? 'foreground' : 'background'}
      open
      onEscapeKeyDown={(event) => {
        const viewport = ref.current?.parentElement;
        escapeElsewhere.current = !(event.target instanceof Node && viewport?.contains(event.target));
      }}
      onOpenChange={(open) => {
        if (open) return;
        if (escapeElsewhere.current) {
          escapeElsewhere.current = false;
          return;
        }
        dismiss(toast.id);
      }}
    >
      <ToastPrimitive.Description className="toast__text">{t(key, values)}</ToastPrimitive.Description>
      {toast.undo && (
        <ToastPrimitive.Action
          className="button button--small"
          altText={t('toast.undoHint')}
          onClick={() => {
            toast.undo?.();
          }}
        >
          {t('toast.undo')}
        </ToastPrimitive.Action>
      )}
      <ToastPrimitive.Close className="toast__close" aria-label={t('toast.dismiss')}>
        ×
      </ToastPrimitive.Close>
    </ToastPrimitive.Root>
  );
}

/** The outcomes of what the user did, in every view, each with Undo where the action can be undone. */
export function Toasts() {
  const { t } = useTranslation();
  const toasts = useAppStore((s) => s.toasts);
  return (
    <ToastPrimitive.Provider label={t('toast.label')} duration={toastLifetimeMs}>
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
      <ToastPrimitive.Viewport className="toasts" label={t('toast.region')} />
    </ToastPrimitive.Provider>
  );
}
