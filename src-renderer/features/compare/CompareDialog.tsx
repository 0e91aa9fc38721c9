import * as Dialog from '@radix-ui/react-dialog';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { modelCatalogue } from '../../../src-preload/contract/models';
import { formatMoney } from '../../../src-preload/contract/pricing';
import { useAppStore, useAppStoreApi } from '../../app/use-app-store';
import { DialogButton } from '../../components/DialogButton';
import { currentRequest } from '../generate/generate-slice';
import { jobCostText } from '../pricing/job-cost';
import type { ComparisonColumn } from './compare-slice';
import { comparisonPlans, type ComparisonPlan } from './comparison-plan';
import '../prompts/prompts.css';

function ResultColumn({ column }: { column: ComparisonColumn }) {
  const { t } = useTranslation('volume');
  const { t: generate } = useTranslation('generate');
  const { t: common } = useTranslation();
  const job = useAppStore((s) => s.jobs.find((candidate) => candidate.jobId === column.jobId));
  const label = modelCatalogue.find((model) => model.id === column.model)?.label ?? column.model;
  const image = job?.slots.find((slot) => slot.image)?.image;
  const seconds = job?.finishedAt != null ? ((job.finishedAt - job.startedAt) / 1000).toFixed(1) : null;
  const error = column.error ?? job?.error ?? null;
  const cost = job ? jobCostText(job, common) : null;
  return (
    <section className="compare__column" aria-label={label}>
      <h3>{label}</h3>
      {column.changes.length > 0 && (
        <ul className="compare__changes">
          {column.changes.map((change) => (
            <li key={change.code}>{generate(`modelSwitch.change.${change.code}`, change.params)}</li>
          ))}
        </ul>
      )}
      {error && <p role="alert">{error.message}</p>}
      {image ? <img src={image.thumbSrc} alt={image.prompt} /> : !error && <p>{t('compare.running')}</p>}
      {seconds !== null && <p>{t('compare.time', { seconds })}</p>}
      {job?.usage && (
        <p>{t('compare.cost', { images: job.usage.generatedImages, tokens: job.usage.totalTokens })}</p>
      )}
      {cost !== null && <p>{cost}</p>}
    </section>
  );
}

/** A model's line in the picker: what it would cost, or why it cannot be chosen. */
function planHint(plan: ComparisonPlan, t: TFunction<'volume'>): string | null {
  if (plan.offered === false) return t('compare.notOffered');
  if (plan.estimate === null) return null;
  return t('compare.estimate', { cost: formatMoney(plan.estimate.money), count: plan.estimate.images });
}

/** "Compare models": pick models, send the workspace's request to each, see the results side by side. */
export function CompareDialog() {
  const { t } = useTranslation('volume');
  const comparison = useAppStore((s) => s.comparison);
  const compareModels = useAppStore((s) => s.compareModels);
  const store = useAppStoreApi();
  // Subscribed so the plans follow the workspace while the dialog is open; the request is built from them.
  useAppStore((s) => s.draft);
  const references = useAppStore((s) => s.references);
  const offer = useAppStore((s) => s.modelOffer);
  const [open, setOpen] = useState(false);
  const plans = open ? comparisonPlans(currentRequest(store.getState()), references.length, offer) : [];
  const [chosen, setChosen] = useState<string[]>(() => modelCatalogue.slice(0, 2).map((model) => model.id));
  const sendable = chosen.filter((id) => plans.find((plan) => plan.model === id)?.offered !== false);

  return (
    <DialogButton label={t('actions.compare')} title={t('compare.title')} open={open} onOpenChange={setOpen}>
      <fieldset>
        <legend>{t('compare.models')}</legend>
        {plans.map((plan) => {
          const hint = planHint(plan, t);
          return (
            <label key={plan.model} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.includes(plan.model)}
                disabled={plan.offered === false}
                onChange={(event) => {
                  setChosen((now) =>
                    event.target.checked ? [...now, plan.model] : now.filter((id) => id !== plan.model),
                  );
                }}
              />
              {plan.label}
              {hint !== null && <span className="field__hint"> · {hint}</span>}
            </label>
          );
        })}
      </fieldset>
      {sendable.length < 2 && <p className="field__hint">{t('compare.needTwo')}</p>}
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
          disabled={sendable.length < 2}
          onClick={() => void compareModels(sendable)}
        >
          {t('compare.send')}
        </button>
      </div>
    </DialogButton>
  );
}
