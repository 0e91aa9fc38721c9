import type { PlatformInfo } from './app-dirs';

/** Everything a command touches outside itself, so tests can run commands in process with fakes. */
export interface CliIo extends PlatformInfo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
}

export const exitCodes = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;
