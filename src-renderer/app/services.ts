import type { SeedreamApi } from '../../src-preload/bridge';
import { viewFromHash, type View } from './navigation-slice';

/** Schedules `run` after `ms` milliseconds; the returned function cancels it. */
export interface Timers {
  after(ms: number, run: () => void): () => void;
}

export interface ClipboardWriter {
  writeText(text: string): Promise<void>;
}

/**
 * Everything the store reaches outside itself, passed in once: the bridge to main, the renderer's own storage,
 * the clipboard and the clock. The app hands in the browser's; tests hand in fakes they can drive.
 */
export interface AppServices {
  api: SeedreamApi;
  /** Null when the browser refuses storage; drafts and view preferences then last only this session. */
  storage: Storage | null;
  clipboard: ClipboardWriter;
  timers: Timers;
  /** The view to open on (from the address, so a reload stays where it was). */
  initialView: View;
}

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function browserServices(api: SeedreamApi): AppServices {
  return {
    api,
    storage: browserStorage(),
    clipboard: { writeText: (text) => navigator.clipboard.writeText(text) },
    timers: {
      after: (ms, run) => {
        const id = window.setTimeout(run, ms);
        return () => {
          window.clearTimeout(id);
        };
      },
    },
    initialView: viewFromHash(window.location.hash),
  };
}
