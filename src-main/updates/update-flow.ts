import type { Logger } from '../logging/logger';

/** The release feed, as electron-updater reaches it; a fake in tests. */
export interface UpdateSource {
  /** The newer version on the feed, or null when this one is the latest. Never downloads. */
  check(): Promise<{ version: string } | null>;
  download(): Promise<void>;
  /** Quits and installs the downloaded update. */
  install(): void;
}

/** The user's word, asked in dialogs; every answer defaults to no. */
export interface UpdatePrompts {
  offerDownload(version: string): Promise<boolean>;
  offerRestart(version: string): Promise<boolean>;
  /** Only for a check the user asked for: nothing new, or why the check failed. */
  tell(outcome: { kind: 'latest' } | { kind: 'failed'; reason: string }): void;
}

export interface UpdateFlow {
  /** `manual` (Help > Check for Updates) also reports "no update" and failures; a background check stays quiet. */
  check(manual: boolean): Promise<void>;
}

/**
 * Updates happen only with the user's word, twice: to download, then to restart and install. Nothing is
 * installed on quit behind their back, and one check runs at a time.
 */
export function createUpdateFlow(source: UpdateSource, prompts: UpdatePrompts, log: Logger): UpdateFlow {
  let running: Promise<void> | null = null;
  const run = async (manual: boolean) => {
    let found: { version: string } | null;
    try {
      found = await source.check();
    } catch (error) {
      log.warn('update check failed', error);
      if (manual)
        prompts.tell({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (found === null) {
      if (manual) prompts.tell({ kind: 'latest' });
      return;
    }
    log.info(`update ${found.version} is available`);
    if (!(await prompts.offerDownload(found.version))) return;
    try {
      await source.download();
    } catch (error) {
      log.warn('update download failed', error);
      prompts.tell({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (await prompts.offerRestart(found.version)) {
      log.info(`installing update ${found.version}`);
      source.install();
    }
  };
  return {
    check: (manual) => {
      running ??= run(manual).finally(() => {
        running = null;
      });
      return running;
    },
  };
}
