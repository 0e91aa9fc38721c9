import { ModelOptions } from './ModelOptions';
import { BalanceChip } from '../pricing/BalanceChip';
import { CostEstimate } from '../pricing/CostEstimate';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { blockingIssues, type GenerationField } from '../../../src-preload/contract/generation';
import { useAppStore } from '../../app/use-app-store';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ViewHeader } from '../../components/ViewHeader';
import { ariaKeyShortcuts, matches, shortcutLabel } from '../../shortcuts/shortcut-table';
import { useIsMac } from '../../shortcuts/use-is-mac';
import { PromptHistoryPopover } from '../prompts/PromptHistoryPopover';
import { PromptLibraryDialog } from '../prompts/PromptLibraryDialog';
import { TemplateFields } from '../prompts/TemplateFields';
import { usePromptHistoryKeys } from '../prompts/use-prompt-history-keys';
import { QueueActions } from '../queue/QueueActions';
import { QueuePanel } from '../queue/QueuePanel';
import { ReferenceSets } from '../reference-tray/ReferenceSets';
import { ReferenceTray } from '../reference-tray/ReferenceTray';
import { ResultsGrid } from '../sequence-grid/ResultsGrid';
import { AdvancedFields } from './AdvancedFields';
import { focusControl } from './controls';
import { modelOf } from './draft';
import { ImageCountField } from './ImageCountField';
import { ModelField } from './ModelField';
import { PromptField } from './PromptField';
import { SizeField } from './SizeField';
import { useRequestCheck, type RequestCheck } from './use-request-issues';
import {
  generateButtonId,
  useClipboardReferences,
  useFocusOnFailedField,
  useJobUpdates,
  useWorkspaceDrop,
} from './use-workspace-input';
import './generate.css';

/** Generating needs a key for the gateway in use; until there is one, the bar says so and leads to the fix. */
function KeyMissingReason({ id }: { id: string }) {
  const { t } = useTranslation('generate');
  const gateway = useAppStore((s) => s.keyStatus?.gateway ?? '');
  const resumeFirstRun = useAppStore((s) => s.resumeFirstRun);
  return (
    <span id={id} className="generate__key-missing">
      <span>{t('keyMissing.text', { gateway })}</span>
      <button type="button" className="button button--small" onClick={resumeFirstRun}>
        {t('keyMissing.add')}
      </button>
    </span>
  );
}

/** The one line next to the button: why it cannot run, or that it is sending; otherwise its shortcut. */
function BarStatus({ check }: { check: RequestCheck }) {
  const { t } = useTranslation('generate');
  const mac = useIsMac();
  const starting = useAppStore((s) => s.starting);
  const blocking = blockingIssues(check.issues);
  const onlyPromptMissing = blocking.length === 1 && blocking[0]?.code === 'prompt-empty';
  return (
    <span id="generate-summary" className="field__hint">
      {starting
        ? t('generateButton.sending')
        : onlyPromptMissing
          ? t('generateButton.needPrompt')
          : blocking.length > 0
            ? t('generateButton.blocked', { count: blocking.length })
            : shortcutLabel('generate.run', mac)}
    </span>
  );
}

function GenerateBar({
  check,
  onGenerate,
  onBlocked,
}: {
  check: RequestCheck;
  onGenerate: () => void;
  onBlocked: (field: GenerationField) => void;
}) {
  const { t } = useTranslation('generate');
  const starting = useAppStore((s) => s.starting);
  const noKey = useAppStore((s) => s.keyStatus?.source === 'none');
  const error = useAppStore((s) => s.generateError);
  const dismissError = useAppStore((s) => s.dismissGenerateError);
  const referenceCount = useAppStore((s) => s.references.length);

  return (
    <div className="generate__bar">
      {error && (
        <ErrorNotice
          key={`${error.code}:${error.message}`}
          error={error}
          onFocusField={focusControl}
          onDismiss={dismissError}
        />
      )}
      <div className="generate__bar-row">
        <button
          id={generateButtonId}
          type="button"
          className="button button--primary generate__button"
          aria-keyshortcuts={ariaKeyShortcuts('generate.run')}
          aria-busy={starting}
          disabled={noKey}
          aria-describedby="generate-summary"
          onClick={onGenerate}
        >
          {t('generateButton.label')}
        </button>
        <QueueActions onBlocked={onBlocked} />
        {noKey ? <KeyMissingReason id="generate-summary" /> : <BarStatus check={check} />}
        <CostEstimate request={check.request} referenceCount={referenceCount} />
        <BalanceChip />
      </div>
    </div>
  );
}

/**
 * The workspace: a compact panel of what to make on the left (only the controls the chosen model can use), the
 * results of this session on the right, where the room is.
 */
export function GenerateView() {
  const { t } = useTranslation();
  const { t: tg } = useTranslation('generate');
  const generate = useAppStore((s) => s.generate);
  const noKey = useAppStore((s) => s.keyStatus?.source === 'none');
  const model = useAppStore((s) => modelOf(s.draft));
  const referenceCount = useAppStore((s) => s.references.length);
  const check = useRequestCheck();
  const [tried, setTried] = useState(false);
  const { dragging, handlers } = useWorkspaceDrop();
  useClipboardReferences();
  useJobUpdates();
  useFocusOnFailedField(focusControl);

  const historyKeys = usePromptHistoryKeys();

  const focusBlocked = (field: GenerationField) => {
    setTried(true);
    // Let the issue render first so the focused control is already described by it.
    window.requestAnimationFrame(() => {
      focusControl(field);
    });
  };

  const runGenerate = () => {
    void generate().then((field) => {
      if (field) focusBlocked(field);
    });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (historyKeys(event)) return;
    if (matches(event, 'generate.run') && !noKey) {
      event.preventDefault();
      runGenerate();
    }
  };

  return (
    <section
      className={`view generate${dragging ? ' generate--dragging' : ''}`}
      aria-labelledby="view-title"
      {...handlers}
    >
      <ViewHeader title={t('views.generate.title')} />
      <div className="generate__body">
        <div
          className="generate__controls"
          role="group"
          aria-label={tg('controlsLabel')}
          onKeyDown={onKeyDown}
        >
          <div className="generate__scroll">
            <PromptField
              issues={check.issuesFor('prompt').filter((found) => tried || found.code !== 'prompt-empty')}
            />
            <div className="prompt-tools">
              <PromptHistoryPopover />
              <PromptLibraryDialog />
            </div>
            <TemplateFields />
            {(model.maxReferences > 0 || referenceCount > 0) && (
              <>
                <ReferenceTray issues={check.issuesFor('references')} />
                <ReferenceSets />
              </>
            )}
            <ModelField issues={check.issuesFor('model')} />
            <ModelOptions issuesFor={check.issuesFor} />
            <SizeField issues={check.issuesFor('size')} />
            {model.sequentialGeneration && (
              <ImageCountField issues={[...check.issuesFor('sequential'), ...check.issuesFor('maxImages')]} />
            )}
            <AdvancedFields issuesFor={check.issuesFor} />
          </div>
          <GenerateBar check={check} onGenerate={runGenerate} onBlocked={focusBlocked} />
        </div>
        <div className="generate__results">
          <QueuePanel />
          <ResultsGrid />
        </div>
      </div>
      {dragging && (
        <div className="generate__drop" aria-hidden="true">
          <p>{tg('tray.dropHere')}</p>
        </div>
      )}
    </section>
  );
}
