import * as Dialog from '@radix-ui/react-dialog';
import * as Tabs from '@radix-ui/react-tabs';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseBatchCsv, type CsvProblem } from '../../../src-preload/contract/batch-csv';
import type { GenerationRequest } from '../../../src-preload/contract/generation';
import { maxQueueAdd } from '../../../src-preload/contract/queue';
import { useAppStore, useAppStoreApi } from '../../app/use-app-store';
import { DialogButton } from '../../components/DialogButton';
import { currentRequest } from '../generate/generate-slice';
import { readDraftTemplate } from '../prompts/draft-template';

type Source = 'lines' | 'csv' | 'template';

/** "Batch…": prompts one per line, a CSV file of request fields, or the prompt box's template, into the queue. */
export function BatchDialog() {
  const { t } = useTranslation('volume');
  const store = useAppStoreApi();
  const queueRequests = useAppStore((s) => s.queueRequests);
  const prompt = useAppStore((s) => s.draft.prompt);
  const values = useAppStore((s) => s.templateValues);
  const [open, setOpen] = useState(false);
  const [source, setSource] = useState<Source>('lines');
  const [lines, setLines] = useState('');
  const [csv, setCsv] = useState<{ requests: GenerationRequest[]; problems: CsvProblem[] } | null>(null);
  const id = useId();

  const base = () => currentRequest(store.getState());
  const template = readDraftTemplate(prompt, values);
  const requests: GenerationRequest[] =
    source === 'lines'
      ? lines
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== '')
          .map((line) => ({ ...base(), prompt: line }))
      : source === 'csv'
        ? (csv?.requests ?? [])
        : template.kind === 'template'
          ? template.prompts.map((expanded) => ({ ...base(), prompt: expanded }))
          : [];
  const tooMany = requests.length > maxQueueAdd;

  const readCsv = async (file: File | undefined) => {
    if (!file) return;
    const parsed = parseBatchCsv(await file.text(), { ...base() });
    setCsv({ requests: parsed.rows.map((row) => row.request), problems: parsed.problems });
  };

  const add = async () => {
    if (await queueRequests(requests)) setOpen(false);
  };

  return (
    <DialogButton label={t('actions.batch')} title={t('batch.title')} open={open} onOpenChange={setOpen}>
      <Tabs.Root
        value={source}
        onValueChange={(value) => {
          setSource(value as Source);
        }}
      >
        <Tabs.List className="tabs" aria-label={t('batch.title')}>
          <Tabs.Trigger value="lines">{t('batch.lines')}</Tabs.Trigger>
          <Tabs.Trigger value="csv">{t('batch.csv')}</Tabs.Trigger>
          <Tabs.Trigger value="template">{t('batch.template')}</Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="lines" className="field">
          <label htmlFor={`${id}-lines`}>{t('batch.lines')}</label>
          <textarea
            id={`${id}-lines`}
            className="input"
            rows={8}
            value={lines}
            onChange={(e) => {
              setLines(e.target.value);
            }}
          />
        </Tabs.Content>
        <Tabs.Content value="csv" className="field">
          <label htmlFor={`${id}-csv`}>{t('batch.csv')}</label>
          <input
            id={`${id}-csv`}
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => void readCsv(e.target.files?.[0])}
          />
          <span className="field__hint">{t('batch.csvHint')}</span>
          {csv && csv.problems.length > 0 && (
            <div role="alert">
              <p>{t('batch.problems')}</p>
              <ul>
                {csv.problems.map((problem) => (
                  <li key={`${problem.line}-${problem.message}`}>{problem.message}</li>
                ))}
              </ul>
            </div>
          )}
        </Tabs.Content>
        <Tabs.Content value="template">
          {template.kind === 'plain' ? (
            <p className="field__hint">{t('batch.templateNone')}</p>
          ) : (
            <ul className="prompt-history__list">
              {template.prompts.slice(0, 50).map((expanded, index) => (
                <li key={`${index}-${expanded}`}>{expanded}</li>
              ))}
            </ul>
          )}
        </Tabs.Content>
      </Tabs.Root>
      <p className="field__hint" role="status">
        {tooMany ? t('batch.tooMany', { max: maxQueueAdd }) : t('batch.count', { count: requests.length })}
      </p>
      <div className="dialog__actions">
        <Dialog.Close className="button" type="button">
          {t('batch.cancel')}
        </Dialog.Close>
        <button
          type="button"
          className="button button--primary"
          disabled={requests.length === 0 || tooMany}
          onClick={() => void add()}
        >
          {t('batch.add')}
        </button>
      </div>
    </DialogButton>
  );
}
