import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useAppStoreApi } from '../../app/use-app-store';
import { Icon } from '../../components/Icon';
import { isInDialog, isTyping } from '../../dom/keyboard-target';
import { matches } from '../../shortcuts/shortcut-table';
import { ImageDialogs } from '../image-actions/ImageDialogs';
import { Compare } from '../viewer/Compare';
import { Viewer } from '../viewer/Viewer';
import { canCompare } from '../viewer/viewer-slice';
import { isFinished, savedImages } from './jobs';
import { JobGroup } from './JobGroup';
import './sequence-grid.css';

/** The picked results: how many, Compare when two to four are picked, and letting go of them. */
function ResultSelectionBar() {
  const { t } = useTranslation('generate');
  const selection = useAppStore((s) => s.resultSelection);
  const clear = useAppStore((s) => s.clearResultSelection);
  const openCompare = useAppStore((s) => s.openCompare);
  if (selection.length === 0) return null;
  return (
    <div
      className="results__selection"
      role="toolbar"
      aria-label={t('results.selected', { count: selection.length })}
    >
      <span>{t('results.selected', { count: selection.length })}</span>
      <button
        type="button"
        className="button"
        disabled={!canCompare(selection.length)}
        title={t('results.compareHint')}
        onClick={() => {
          openCompare('results', selection);
        }}
      >
        <Icon name="compare" />
        {t('results.compare')}
      </button>
      <button type="button" className="button button--quiet" onClick={clear}>
        {t('results.clearSelection')}
      </button>
    </div>
  );
}

/** Every job of this session, newest first, as one list of tiles grouped by job. */
export function ResultsGrid() {
  const { t } = useTranslation('generate');
  const jobs = useAppStore((s) => s.jobs);
  const dismissFinished = useAppStore((s) => s.dismissFinishedJobs);
  const viewer = useAppStore((s) => s.viewer);
  const compare = useAppStore((s) => s.compare);
  const openViewer = useAppStore((s) => s.openViewer);
  const closeViewer = useAppStore((s) => s.closeViewer);
  const closeCompare = useAppStore((s) => s.closeCompare);
  const store = useAppStoreApi();
  const running = jobs.filter((job) => !isFinished(job)).length;
  // Every saved result in the order shown: the viewer steps from one job's images into the next job's.
  const images = useMemo(() => jobs.flatMap(savedImages), [jobs]);
  const compared = useMemo(() => {
    if (compare?.source !== 'results') return [];
    const byId = new Map(images.map((image) => [image.id, image]));
    return compare.ids.flatMap((id) => byId.get(id) ?? []);
  }, [compare, images]);

  return (
    <section
      className="results"
      aria-labelledby="results-heading"
      onKeyDown={(event) => {
        if (isTyping(event.target) || isInDialog(event.target)) return;
        const { resultSelection, openCompare, clearResultSelection } = store.getState();
        if (matches(event, 'results.compare') && canCompare(resultSelection.length)) {
          event.preventDefault();
          openCompare('results', resultSelection);
        } else if (matches(event, 'results.clearSelection') && resultSelection.length > 0) {
          event.preventDefault();
          clearResultSelection();
        }
      }}
    >
      <div className="results__header">
        <h2 id="results-heading" className="results__heading">
          {t('results.heading')}
        </h2>
        {running > 0 && <span className="results__running">{t('results.running', { count: running })}</span>}
        <ResultSelectionBar />
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
      <Viewer
        images={images}
        openId={viewer?.source === 'results' ? viewer.id : null}
        onShow={(image) => {
          openViewer('results', image.id);
        }}
        onClose={closeViewer}
      />
      <Compare images={compared} onClose={closeCompare} />
      <ImageDialogs />
      {jobs.length === 0 && (
        <div className="results__empty">
          <p className="results__empty-title">{t('results.emptyTitle')}</p>
          <p>{t('results.emptyBody')}</p>
        </div>
      )}
    </section>
  );
}
