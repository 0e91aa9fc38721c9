import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/use-app-store';
import { isFinished } from './jobs';
import { JobGroup } from './JobGroup';
import './sequence-grid.css';

/** Every job of this session, newest first, as one list of tiles grouped by job. */
export function ResultsGrid() {
  const { t } = useTranslation('generate');
  const jobs = useAppStore((s) => s.jobs);
  const dismissFinished = useAppStore((s) => s.dismissFinishedJobs);
  const running = jobs.filter((job) => !isFinished(job)).length;

  return (
    <section className="results" aria-labelledby="results-heading">
      <div className="results__header">
        <h2 id="results-heading" className="results__heading">
          {t('results.heading')}
        </h2>
        {running > 0 && <span className="results__running">{t('results.running', { count: running })}</span>}
        {jobs.length > running && (
          <button type="button" className="button button--quiet" onClick={dismissFinished}>
            {t('results.clearFinished')}
          </button>
        )}
      </div>
      <div className="results__list">
        {jobs.map((job) => (
          <JobGroup key={job.jobId} job={job} />
        ))}
      </div>
      {jobs.length === 0 && (
        <div className="results__empty">
          <p className="results__empty-title">{t('results.emptyTitle')}</p>
          <p>{t('results.emptyBody')}</p>
        </div>
      )}
    </section>
  );
}
