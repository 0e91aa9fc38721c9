import { jobCostText } from '../pricing/job-cost';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobSnapshot } from '../../../src-preload/contract/ipc';
import { findModel } from '../../../src-preload/contract/models';
import { useAppStore } from '../../app/use-app-store';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useTickingNow } from '../../hooks/use-ticking-now';
import { focusControl } from '../generate/controls';
import { Icon } from '../../components/Icon';
import { FailedJobRow, PartialFailure } from './JobFailure';
import { isFinished, jobOutcome, jobStatus, tilesOf } from './jobs';
import { ResultTiles } from './ResultTiles';
import { formatSize } from '../../../src-preload/contract/request-size';

function JobStatusLine({ job }: { job: JobSnapshot }) {
  const { t } = useTranslation('generate');
  const status = jobStatus(job);
  return (
    <p className={`job__status job__status--${job.phase}`} role="status">
      {!isFinished(job) && <span className="job__spinner" aria-hidden="true" />}
      {t(`job.status.${status.key}`, status.params)}
    </p>
  );
}

/** What the job cost in the units a person counts: images billed (tokens mean nothing to most people). */
function Usage({ job }: { job: JobSnapshot }) {
  const { t } = useTranslation('generate');
  const { t: common } = useTranslation();
  const cost = jobCostText(job, common);
  if (!job.usage && cost === null) return null;
  return (
    <p className="job__usage">
      {[job.usage ? t('job.billed', { count: job.usage.generatedImages }) : null, cost]
        .filter((part) => part !== null)
        .join(' · ')}
    </p>
  );
}

/** Seconds the job has run, ticking while it runs (generations take from half a minute to minutes). */
function useElapsedSeconds(job: JobSnapshot): number {
  const now = useTickingNow(job.finishedAt === null ? Infinity : null);
  return Math.max(0, Math.round(((job.finishedAt ?? now) - job.startedAt) / 1000));
}

/** One generation: its settings, what it is doing, and one tile per expected image. */
export function JobGroup({ job }: { job: JobSnapshot }) {
  const headingId = `job-${job.jobId}-heading`;
  const outcome = jobOutcome(job);
  if (outcome === 'failed') return <FailedJobRow job={job} headingId={headingId} />;
  return <JobResults job={job} headingId={headingId} partial={outcome === 'partial'} />;
}

function JobResults({ job, headingId, partial }: { job: JobSnapshot; headingId: string; partial: boolean }) {
  const { t } = useTranslation('generate');
  const cancelJob = useAppStore((s) => s.cancelJob);
  const remix = useAppStore((s) => s.remix);
  const openViewer = useAppStore((s) => s.openViewer);
  const [sideBySide, setSideBySide] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const tiles = tilesOf(job);
  const finished = isFinished(job);
  const model = findModel(job.request.model)?.label ?? job.request.model;
  const seconds = useElapsedSeconds(job);

  return (
    <div role="group" className="job" aria-labelledby={headingId}>
      <header className="job__header">
        <div className="job__summary">
          <h3 id={headingId} className="job__prompt" title={job.request.prompt}>
            {job.request.prompt}
          </h3>
          <p className="job__meta">
            {t('job.meta', {
              model,
              size: formatSize(job.request.size),
              count: job.expected,
            })}
            {job.referenceIds.length > 0 && ` · ${t('job.references', { count: job.referenceIds.length })}`}
            {` · ${finished ? t('job.took', { count: seconds }) : t('job.running', { count: seconds })}`}
          </p>
          <JobStatusLine job={job} />
          <Usage job={job} />
        </div>
        <div className="job__actions">
          {!finished && (
            <button
              type="button"
              className="button"
              disabled={cancelling}
              onClick={() => {
                setCancelling(true);
                void cancelJob(job.jobId).finally(() => {
                  setCancelling(false);
                });
              }}
            >
              {t('job.cancel')}
            </button>
          )}
          {tiles.length > 1 && (
            <button
              type="button"
              className="button button--quiet"
              aria-pressed={sideBySide}
              onClick={() => {
                setSideBySide(!sideBySide);
              }}
            >
              <Icon name={sideBySide ? 'grid' : 'sideBySide'} />
              {t('job.sideBySide')}
            </button>
          )}
          {finished && (
            <button
              type="button"
              className="button button--quiet"
              title={t('job.remixHint')}
              onClick={() => void remix(job.generationId)}
            >
              <Icon name="remix" />
              {t('job.remix')}
            </button>
          )}
        </div>
      </header>
      {job.notices.length > 0 && (
        <ul className="job__notices">
          {job.notices.map((notice) => (
            <li key={notice}>{notice}</li>
          ))}
        </ul>
      )}
      {partial && <PartialFailure job={job} />}
      {job.error && !finished && (
        <ErrorNotice error={job.error} since={job.startedAt} onFocusField={focusControl} />
      )}
      <ResultTiles
        job={job}
        tiles={tiles}
        sideBySide={sideBySide}
        onOpen={(tile) => {
          if (tile.image) openViewer('results', tile.image.id);
        }}
      />
    </div>
  );
}
