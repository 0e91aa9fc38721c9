import type { Emit } from '../ipc/emit';
import type { Translate } from '../i18n/desktop-i18n';
import type { GenerationJobs, JobSnapshot } from '../jobs/generation-jobs';
import type { DesktopPort } from '../shell/desktop-port';
import type { DockProgress } from './dock-progress';
import type { LibraryChanges } from './library-changes';
import type { Presenter } from './presenter';

export interface JobEffectsDeps {
  jobs: GenerationJobs;
  emit: Emit;
  present: Presenter;
  changes: LibraryChanges;
  desktop: Pick<DesktopPort, 'notify'>;
  progress: DockProgress;
  translate: Translate;
}

export interface JobEffects {
  /** The jobs still running, for a shutdown that cancels them first. */
  running(): string[];
}

const savedCount = (snapshot: JobSnapshot) => snapshot.slots.filter((slot) => slot.state === 'saved').length;

/**
 * What every job snapshot sets off outside the jobs: the snapshot goes to the renderer, a newly saved image
 * changes the library, the dock or taskbar shows the progress of the running jobs, and a job that ended (not
 * cancelled) is announced to the OS. Jobs of the batch queue count in the queue's progress and end with one
 * notification for the whole queue (queue-effects.ts), so they are left out of both here.
 */
export function watchJobs({
  jobs,
  emit,
  present,
  changes,
  desktop,
  progress,
  translate,
}: JobEffectsDeps): JobEffects {
  const savedSlots = new Map<string, number>();
  // Only running jobs count toward the dock progress; finished ones leave this map.
  const running = new Map<string, JobSnapshot>();

  function reportProgress(): void {
    if (running.size === 0) {
      progress('jobs', null);
      return;
    }
    const expected = [...running.values()].reduce((sum, job) => sum + job.expected, 0);
    const settled = [...running.values()].reduce(
      (sum, job) =>
        sum + job.slots.filter((slot) => slot.state === 'saved' || slot.state === 'failed').length,
      0,
    );
    // Show activity even before the first image: an empty bar reads as "stuck".
    progress('jobs', Math.max(0.05, settled / Math.max(1, expected)));
  }

  jobs.subscribe((snapshot) => {
    emit('generation:progress', present.snapshot(snapshot));
    const saved = savedCount(snapshot);
    if (saved !== (savedSlots.get(snapshot.jobId) ?? 0)) changes.announce('ingested');
    savedSlots.set(snapshot.jobId, saved);
    if (snapshot.queueItemId !== null) return;
    if (snapshot.finishedAt === null) running.set(snapshot.jobId, snapshot);
    else running.delete(snapshot.jobId);
    reportProgress();
    if (snapshot.finishedAt !== null && snapshot.phase !== 'cancelled') {
      desktop.notify(
        translate(snapshot.phase === 'done' ? 'notification.done' : 'notification.problems'),
        translate('notification.body', {
          saved,
          expected: snapshot.expected,
          prompt: snapshot.request.prompt.slice(0, 80),
        }),
      );
    }
  });

  return { running: () => [...running.keys()] };
}
