import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/use-app-store';
import { Viewer } from '../viewer/Viewer';
import { isFinished, savedImages } from './jobs';
import { JobGroup } from './JobGroup';
import './sequence-grid.css';

/** Every job of this session, newest first, as one list of tiles grouped by job. */
export function ResultsGrid() {
  const { t } = useTranslation('generate');
  const jobs = useAppStore((s) => s.jobs);
  const dismissFinished = useAppStore((s) => s.dismissFinishedJobs);
  const viewer = useAppStore((s) => s.viewer);
  const openViewer = useAppStore((s) => s.openViewer);
  const closeViewer = useAppStore((s) => s.closeViewer);
  const running = jobs.filter((job) => !isFinished(job)).length;
  // Every saved result in the order shown: the viewer steps from one job's images into the next job's.
  const images = useMemo(() => jobs.flatMap(savedImages), [jobs]);

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
      <div role="list" className="results__list" aria-label={t('results.listLabel')}>
        {jobs.map((job) => (
          <JobGroup key={job.jobId} job={job} />
        ))}
      </div>
      <Viewer
        images={images}
        openId={viewer?.source === 'results' ? viewer.id : null}
        onShow={(image) => {
          openViewer('results', image.id);
        }}
        onClose={closeViewer}
      />
      {jobs.length === 0 && (
        <div className="results__empty">
          <p className="results__empty-title">{t('results.emptyTitle')}</p>
          <p>{t('results.emptyBody')}</p>
        </div>
      )}
    </section>
  );
}
