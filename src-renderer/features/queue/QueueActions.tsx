import type { GenerationField } from '../../../src-preload/contract/generation';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/use-app-store';
import { CompareDialog } from '../compare/CompareDialog';
import { BatchDialog } from './BatchDialog';

/**
 * Next to Generate: "Add to queue" (every prompt a template makes; the count is under the prompt), "Batch…"
 * and "Compare models".
 */
export function QueueActions({ onBlocked }: { onBlocked: (field: GenerationField) => void }) {
  const { t } = useTranslation('volume');
  const queueDraft = useAppStore((s) => s.queueDraft);
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => {
          void queueDraft().then((field) => {
            if (field) onBlocked(field);
          });
        }}
      >
        {t('actions.addToQueue')}
      </button>
      <BatchDialog />
      <CompareDialog />
    </>
  );
}
