import type { Timers } from '../../../src-renderer/app/services';

interface Pending {
  at: number;
  run: () => void;
}

/** Lets pending promise callbacks run (answers the fake API resolved, awaits after them). */
export async function settle(): Promise<void> {
  for (let round = 0; round < 5; round += 1) {
    await new Promise<void>((resolve) => {
      globalThis.setTimeout(resolve, 0);
    });
  }
}

/** A clock the test moves by hand: nothing scheduled runs until `advance` passes its time. */
export function manualTimers() {
  let now = 0;
  const pending = new Set<Pending>();
  const timers: Timers = {
    after: (ms, run) => {
      const entry = { at: now + ms, run };
      pending.add(entry);
      return () => {
        pending.delete(entry);
      };
    },
  };
  return {
    timers,
    /** Moves the clock on, running each timer that comes due in order and letting its promises settle. */
    advance: async (ms: number) => {
      const until = now + ms;
      for (;;) {
        await settle();
        const next = [...pending].filter((entry) => entry.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        pending.delete(next);
        now = next.at;
        next.run();
      }
      now = until;
    },
    pendingCount: () => pending.size,
  };
}
