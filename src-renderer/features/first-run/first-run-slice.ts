import type { StateCreator } from 'zustand';
import type { AppServices } from '../../app/services';
import type { AppState } from '../../app/store';

export const firstRunSkippedKey = 'seedream.firstRun.skipped';

/**
 * Whether the welcome screen stands in for Generate while the gateway has no key. "Not now" is remembered on
 * this machine, so someone who only browses the library offline is not greeted at every start.
 */
export interface FirstRunSlice {
  firstRunSkipped: boolean;
  /** Asked for from Generate ("Add API key"): shown whatever the workspace holds. */
  firstRunAsked: boolean;
  skipFirstRun: () => void;
  /** Shows the welcome screen again (Generate's "Add API key"). */
  resumeFirstRun: () => void;
}

function readSkipped(storage: Storage | null): boolean {
  try {
    return storage?.getItem(firstRunSkippedKey) === 'true';
  } catch {
    return false;
  }
}

function writeSkipped(storage: Storage | null, skipped: boolean): void {
  try {
    if (skipped) storage?.setItem(firstRunSkippedKey, 'true');
    else storage?.removeItem(firstRunSkippedKey);
  } catch {
    // Without storage the choice lasts this session, which is all it costs.
  }
}

export const createFirstRunSlice =
  ({ storage }: Pick<AppServices, 'storage'>): StateCreator<AppState, [], [], FirstRunSlice> =>
  (set) => ({
    firstRunSkipped: readSkipped(storage),
    firstRunAsked: false,
    skipFirstRun: () => {
      writeSkipped(storage, true);
      set({ firstRunSkipped: true, firstRunAsked: false });
    },
    resumeFirstRun: () => {
      writeSkipped(storage, false);
      set({ firstRunSkipped: false, firstRunAsked: true, view: 'generate' });
    },
  });

/**
 * The welcome screen stands in for an empty Generate while the gateway in use has no key, until the user says
 * "Not now". A workspace with something in it (a remix or references sent from the library) is shown as it is:
 * the user went there on purpose, and its Generate button says what is missing.
 */
export function needsFirstRun(
  state: Pick<AppState, 'keyStatus' | 'firstRunSkipped' | 'firstRunAsked' | 'draft' | 'references'>,
): boolean {
  const empty = state.draft.prompt.trim() === '' && state.references.length === 0;
  return state.keyStatus?.source === 'none' && (state.firstRunAsked || (!state.firstRunSkipped && empty));
}
