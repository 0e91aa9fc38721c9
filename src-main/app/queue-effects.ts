import type { QueueSnapshot } from '../../src-preload/contract/queue';
import type { Translate } from '../i18n/desktop-i18n';
import type { Emit } from '../ipc/emit';
import type { QueueRunner } from '../jobs/queue-runner';
import type { RequestPacer } from '../jobs/request-pacer';
import type { Library } from '../library/library';
import type { QueueRecord } from '../library/queue-store';
import type { DesktopPort } from '../shell/desktop-port';
import type { DockProgress } from './dock-progress';

export interface QueueEffectsDeps {
  runner: QueueRunner;
  pacer: Pick<RequestPacer, 'backoffUntil'>;
  library: Pick<Library, 'queue' | 'catalog'>;
  emit: Emit;
  desktop: Pick<DesktopPort, 'notify'>;
  progress: DockProgress;
  translate: Translate;
  concurrency: () => number;
  /** How often to look for changes another process (the command line) made to the queue. */
  pollMs?: number;
}

export interface QueueEffects {
  snapshot(): QueueSnapshot;
  stop(): void;
}

function present(record: QueueRecord): QueueSnapshot['items'][number] {
  const { position: _position, ownerPid: _ownerPid, ...item } = record;
  return item;
}

/**
 * What the queue sets off outside itself: `queue:changed` to the renderer (at most once per turn of the event
 * loop, however many items moved), the queue's share of the dock's progress, one OS notification when it has
 * run dry, and a look at the catalog every `pollMs` for items the command line added or finished.
 */
export function watchQueue(deps: QueueEffectsDeps): QueueEffects {
  const { runner, library, emit, progress, translate } = deps;
  const snapshot = (): QueueSnapshot => ({
    paused: library.queue.paused(),
    pausedReason: runner.pausedReason(),
    backoffUntil: deps.pacer.backoffUntil(),
    concurrency: deps.concurrency(),
    items: library.queue.list().map(present),
  });
  let scheduled = false;
  // Once the app closes, the catalog goes too: nothing more is read or sent.
  let stopped = false;
  const changed = () => {
    if (scheduled || stopped) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      if (stopped) return;
      emit('queue:changed', snapshot());
      progress('queue', runner.progress());
    });
  };
  runner.subscribe((event) => {
    changed();
    if (event.type !== 'drained' || stopped) return;
    const { done, failed, unknown, cancelled } = event.run;
    deps.desktop.notify(
      translate('notification.queueDone'),
      translate('notification.queueBody', { done, problems: failed + unknown + cancelled }),
    );
  });

  // Another connection's commit changes data_version (ours do too, which only costs a look).
  let version = library.catalog.reader.pragma('data_version', { simple: true });
  const timer = setInterval(() => {
    const now = library.catalog.reader.pragma('data_version', { simple: true });
    if (now === version) return;
    version = now;
    runner.poke();
  }, deps.pollMs ?? 1_000);
  timer.unref();

  return {
    snapshot,
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
