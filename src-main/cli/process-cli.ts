import { homedir } from 'node:os';
import path from 'node:path';
import { createKeytarStore, keychainServiceName } from '../keychain/keytar-store';
import { createFileLogger, type Logger } from '../logging/logger';
import { loadImageCodecFor, type ImageCodec } from '../media/image-codec';
import { appUserDataDir } from './app-dirs';
import { runCli } from './run-cli';

/** Loads on first call and keeps the value; the codec costs a native load that `--help` should not pay. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

export interface ProcessCliOptions {
  /** Where the log goes; defaults to `logs/cli.log` in the app's user-data folder. */
  log?: Logger;
  /** What the commands read (COMETAPI_KEY, SEEDREAM_*); defaults to this process's environment. */
  env?: Readonly<Record<string, string | undefined>>;
  /** better-sqlite3's build for this runtime: Electron's in the app binary's `cli` mode. */
  nativeBinding?: string;
}

/**
 * Runs the command line against this process: its arguments, streams, environment and Ctrl-C. Shared by the
 * plain-Node entry (`dist/cli/seedream.mjs`) and the app binary's `cli` mode, which differ only in who calls it.
 */
export function runProcessCli(args: readonly string[], options: ProcessCliOptions = {}): Promise<number> {
  const interrupt = new AbortController();
  let interrupted = false;
  const onInterrupt = () => {
    // A second Ctrl-C leaves at once; the first lets the running job record that it was cancelled.
    if (interrupted) process.exit(130);
    interrupted = true;
    interrupt.abort();
  };
  process.on('SIGINT', onInterrupt);
  const env = options.env ?? process.env;
  const platform = { platform: process.platform, env, homedir: homedir() };
  const imageCodec: () => ImageCodec = once(() =>
    loadImageCodecFor({ platform: process.platform, electron: process.versions.electron }),
  );
  const log =
    options.log ??
    createFileLogger({ dir: path.join(appUserDataDir(platform), 'logs'), fileName: 'cli.log' });
  return runCli(args, {
    ...platform,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    signal: interrupt.signal,
    imageCodec,
    // Test runs name a keychain entry of their own (the installed app's `cli` mode never gets the variable).
    secretStore: createKeytarStore(undefined, env.SEEDREAM_KEYCHAIN_SERVICE ?? keychainServiceName),
    nativeBinding: options.nativeBinding,
    log,
  }).finally(() => {
    process.off('SIGINT', onInterrupt);
  });
}
