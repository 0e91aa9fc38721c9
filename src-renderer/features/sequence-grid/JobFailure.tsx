import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobSnapshot } from '../../../src-preload/contract/ipc';
import { useAppStore } from '../../app/use-app-store';
import { adviseOn } from '../../components/error-advice';
import { OpenSettingsButton } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { focusControl } from '../generate/controls';
import { failureOf, missingImages } from './jobs';

/** Retry sends the same request again as a new job; it is off while that is on its way. */
function RetryButton({ job, onlyMissing, label }: { job: JobSnapshot; onlyMissing: boolean; label: string }) {
  const retryJob = useAppStore((s) => s.retryJob);
  const [sending, setSending] = useState(false);
  return (
    <button
      type="button"
      className="button button--small"
      disabled={sending}
      onClick={() => {
        setSending(true);
        void retryJob(job.jobId, onlyMissing).finally(() => {
          setSending(false);
        });
      }}
    >
      <Icon name="retry" size={14} />
      {label}
    </button>
  );
}

/** Loads the request into the workspace and puts the focus on what the error names (the prompt by default). */
function EditRequestButton({ job }: { job: JobSnapshot }) {
  const { t } = useTranslation('generate');
  const remix = useAppStore((s) => s.remix);
  const failure = failureOf(job);
  const advice = failure ? adviseOn(failure) : null;
  return (
    <button
      type="button"
      className="button button--small"
      onClick={() => {
        void remix(job.generationId).then(() => {
          window.requestAnimationFrame(() => {
            focusControl(advice?.kind === 'field' ? advice.field : 'prompt');
          });
        });
      }}
    >
      <Icon name="edit" size={14} />
      {t('job.editRequest')}
    </button>
  );
}

/** A job that made nothing: one compact row that says once what happened, with Retry and Edit request. */
export function FailedJobRow({ job, headingId }: { job: JobSnapshot; headingId: string }) {
  const { t } = useTranslation('generate');
  const failure = failureOf(job);
  const advice = failure ? adviseOn(failure) : null;
  return (
    <div role="group" className="job job--failed" aria-labelledby={headingId}>
      <span className="job__failed-mark" aria-hidden="true">
        <Icon name="alert" size={16} />
      </span>
      <div className="job__failed-text">
        <h3 id={headingId} className="job__prompt" title={job.request.prompt}>
          {job.request.prompt}
        </h3>
        <p className="job__failed-reason" role="alert">
          {failure?.message ?? t('job.failedNoReason')}
        </p>
      </div>
      <div className="job__actions">
        {advice?.kind === 'settings' && <OpenSettingsButton />}
        <RetryButton job={job} onlyMissing={false} label={t('job.retry')} />
        <EditRequestButton job={job} />
      </div>
    </div>
  );
}

/** A sequence that saved some of its images: the reason once, and a retry for just the missing ones. */
export function PartialFailure({ job }: { job: JobSnapshot }) {
  const { t } = useTranslation('generate');
  const failure = failureOf(job);
  const missing = missingImages(job);
  return (
    <div className="job__partial" role="alert">
      <Icon name="alert" size={14} />
      <span>
        {t('job.missing', { count: missing })} {failure?.message ?? ''}
      </span>
      <RetryButton job={job} onlyMissing label={t('job.retryMissing')} />
    </div>
  );
}
