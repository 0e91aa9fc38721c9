import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { modelCatalogue } from '../../../src-preload/contract/models';
import { useAppStore } from '../../app/use-app-store';
import { DialogButton } from '../../components/DialogButton';
import type { ComparisonColumn } from './compare-slice';
import '../prompts/prompts.css';

function ResultColumn({ column }: { column: ComparisonColumn }) {
  const { t } = useTranslation('volume');
  const job = useAppStore((s) => s.jobs.find((candidate) => candidate.jobId === column.jobId));
  const label = modelCatalogue.find((model) => model.id === column.model)?.label ?? column.model;
  const image = job?.slots.find((slot) => slot.image)?.image;
  const seconds = job?.finishedAt != null ? ((job.finishedAt - job.startedAt) / 1000).toFixed(1) : null;
  const error = column.error ?? job?.error ?? null;
  return (
    <section className="compare__column" aria-label={label}>
      <h3>{label}</h3>
      {error && <p role="alert">{error.message}</p>}
      {image ? <img src={image.thumbSrc} alt={image.prompt} /> : !error && <p>{t('compare.running')}</p>}
      {seconds !== null && <p>{t('compare.time', { seconds })}</p>}
      {job?.usage && (
        <p>{t('compare.cost', { images: job.usage.generatedImages, tokens: job.usage.totalTokens })}</p>
      )}
    </section>
  );
}

/** "Compare models": pick models, send the workspace's request to each, see the results side by side. */
export function CompareDialog() {
  const { t } = useTranslation('volume');
  const comparison = useAppStore((s) => s.comparison);
  const compareModels = useAppStore((s) => s.compareModels);
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>(() => modelCatalogue.slice(0, 2).map((model) => model.id));

  return (
    <DialogButton label={t('actions.compare')} title={t('compare.title')} open={open} onOpenChange={setOpen}>
      <fieldset>
        <legend>{t('compare.models')}</legend>
        {modelCatalogue.map((model) => (
          <label key={model.id} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.includes(model.id)}
              onChange={(event) => {
                setChosen((now) =>
                  event.target.checked ? [...now, model.id] : now.filter((id) => id !== model.id),
                );
              }}
            />
            {model.label}
          </label>
        ))}
      </fieldset>
      {chosen.length < 2 && <p className="field__hint">{t('compare.needTwo')}</p>}
      {comparison.length > 0 && (
        <div className="compare__columns" role="region" aria-label={t('compare.results')}>
          {comparison.map((column) => (
            <ResultColumn key={`${column.model}-${column.jobId ?? 'failed'}`} column={column} />
          ))}
        </div>
      )}
      <div className="dialog__actions">
        <Dialog.Close className="button" type="button">
          {t('compare.cancel')}
        </Dialog.Close>
        <button
          type="button"
          className="button button--primary"
          disabled={chosen.length < 2}
          onClick={() => void compareModels(chosen)}
        >
          {t('compare.send')}
        </button>
      </div>
    </DialogButton>
  );
}
