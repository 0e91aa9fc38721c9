import type { SecretStore } from '../keychain/secret-store';
import type { Logger } from '../logging/logger';
import type { ImageCodec } from '../media/image-codec';
import type { PlatformInfo } from './app-dirs';

/** Everything a command touches outside itself, so tests can run commands in process with fakes. */
export interface CliIo extends PlatformInfo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
  /** The image codec, loaded on first use (so `--help` never pays for it); see media/image-codec.ts. */
  imageCodec: () => ImageCodec;
  /** Where saved keys are read: the OS keychain, or a test's own store. */
  secretStore: SecretStore;
  /** better-sqlite3's build for this runtime: Electron's in the app binary's `cli` mode, none in plain Node. */
  nativeBinding?: string;
  /** The command line's own log file (`logs/cli.log` in the app's user-data folder). */
  log: Logger;
}

export const exitCodes = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;
