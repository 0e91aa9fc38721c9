import { AppFailure, appError } from '../../src-preload/contract/errors';
import type { QueueSnapshot } from '../../src-preload/contract/queue';
import type { HandlersOf } from '../ipc/dispatch';
import type { QueueRunner } from '../jobs/queue-runner';
import type { Library } from '../library/library';

/** The batch queue: adding, ordering, pausing, removing and retrying items; the runner does the sending. */
export function queueHandlers({
  runner,
  library,
  snapshot,
}: {
  runner: QueueRunner;
  library: Pick<Library, 'queue'>;
  snapshot: () => QueueSnapshot;
}): HandlersOf<'queue'> {
  const { queue } = library;
  const after = (change: () => void): QueueSnapshot => {
    change();
    runner.poke();
    return snapshot();
  };
  return {
    'queue:list': () => snapshot(),
    'queue:add': ({ items, batch }) =>
      after(() => queue.add(items, batch ?? `app-${new Date().toISOString()}`)),
    'queue:pause': () =>
      after(() => {
        runner.pause();
      }),
    'queue:resume': () =>
      after(() => {
        runner.resume();
      }),
    'queue:reorder': ({ ids }) =>
      after(() => {
        queue.reorder(ids);
      }),
    'queue:remove': ({ ids }) =>
      after(() => {
        // A running item is cancelled; it leaves the queue once its job has ended.
        const running = ids.filter((id) => runner.cancel(id));
        queue.remove(ids.filter((id) => !running.includes(id)));
      }),
    'queue:retry': ({ ids, resendUnknown }) =>
      after(() => {
        const retried = queue.retry(ids, resendUnknown);
        const unknown = ids.filter((id) => !retried.includes(id) && queue.item(id)?.state === 'unknown');
        if (unknown.length > 0) {
          throw new AppFailure(
            appError(
              'invalid-input',
              'Whether these requests were made (and paid) is unknown. Confirm that they may be sent again.',
            ),
          );
        }
      }),
    'queue:clearFinished': () => after(() => queue.clearFinished()),
  };
}
