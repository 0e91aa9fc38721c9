import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Result } from '../../src-preload/contract/errors';
import type { ChannelName, EventName, InputOf, OutputOf } from '../../src-preload/contract/ipc';
import { createAppCore, type AppCore } from '../../src-main/app/app-core';
import { openAppLibrary } from '../../src-main/app/app-library';
import { createDispatch, type Dispatch } from '../../src-main/ipc/dispatch';
import { createSenderCheck } from '../../src-main/ipc/trusted-sender';
import { MemorySecretStore, type SecretStore } from '../../src-main/keychain/secret-store';
import type { Library } from '../../src-main/library/library';
import { createFileLogger, type Logger } from '../../src-main/logging/logger';
import { nativeCodec } from '../support/codecs';
import { createRecordingDesktop, type RecordingDesktop } from '../e2e/support/recording-desktop';
import { directRoute } from '../support/http-client';

const appPage = { url: 'app://studio/index.html', isMainFrame: true };

export interface HarnessOptions {
  /** The gateway at start, as SEEDREAM_API_BASE_URL gives it in tests. */
  apiBaseUrl: string;
  /** The balance service (the fake quota host), as SEEDREAM_QUOTA_URL gives it in tests. */
  quotaUrl?: string;
  env?: Record<string, string>;
  secretStore?: SecretStore;
  userDataDir?: string;
}

/**
 * The main process as the renderer reaches it: the real app core behind the real dispatch (sender check, zod
 * parsing, Result values), with what it emits, logs and asks of the desktop recorded for assertions.
 */
export interface AppHarness {
  core: AppCore;
  /** The library handed to the core (the core closes it). */
  library: Library;
  dispatch: Dispatch;
  userDataDir: string;
  secretStore: SecretStore;
  desktop: RecordingDesktop;
  events: { event: EventName; payload: unknown }[];
  /** What was logged as an error (an internal failure), by main's logger or the dispatch. */
  logged: { context: string; error: unknown }[];
  /** Every line main logged, at every level, with its details; the file itself is `logs/main.log`. */
  logLines: { level: keyof Logger; message: string; details: unknown[] }[];
  /** Calls a channel as the app's page would, with whatever input (the renderer is untrusted). */
  call(channel: string, input?: unknown): Promise<Result<unknown>>;
  /** Calls a channel with a well-formed input and returns its value, failing the test on an error. */
  value<C extends ChannelName>(channel: C, input?: InputOf<C>): Promise<OutputOf<C>>;
  close(): Promise<void>;
}

export async function startAppHarness(options: HarnessOptions): Promise<AppHarness> {
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'seedream-app-')));
  const secretStore = options.secretStore ?? new MemorySecretStore();
  const desktop = createRecordingDesktop(null);
  const events: AppHarness['events'] = [];
  const logged: AppHarness['logged'] = [];
  const logLines: AppHarness['logLines'] = [];
  // The app's own file logger in the user-data folder, as bootstrap makes it, with every call recorded too.
  const file = createFileLogger({ dir: join(userDataDir, 'logs'), fileName: 'main.log' });
  const recorded =
    (level: keyof Logger) =>
    (message: string, ...details: unknown[]) => {
      file[level](message, ...details);
      logLines.push({ level, message, details });
      if (level === 'error') logged.push({ context: message, error: details[0] });
    };
  const log: Logger = { info: recorded('info'), warn: recorded('warn'), error: recorded('error') };
  const library = await openAppLibrary({ userDataDir, codec: nativeCodec });
  const core = createAppCore({
    userDataDir,
    env: options.env ?? {},
    apiBaseUrlOverride: options.apiBaseUrl,
    ...(options.quotaUrl ? { quotaUrlOverride: options.quotaUrl } : {}),
    secretStore,
    library,
    mediaUrl: (relativePath) => `seedream-media://library/${relativePath}`,
    desktop,
    codec: nativeCodec,
    emit: (event, payload) => events.push({ event, payload }),
    log,
    systemLocale: 'en-US',
    network: { systemProxy: directRoute, certificates: () => [] },
  });
  const dispatch = createDispatch(core.handlers, {
    isTrustedSender: createSenderCheck('app://studio'),
    // As bootstrap wires it: a failed call lands in main's log.
    logError: (channel, error) => {
      log.error(`${channel} failed`, error);
    },
  });
  const call = (channel: string, input?: unknown) => dispatch(channel, input, appPage);
  return {
    core,
    library,
    dispatch,
    userDataDir,
    secretStore,
    desktop,
    events,
    logged,
    logLines,
    call,
    async value(channel, input) {
      const result = await call(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
      return result.value as OutputOf<typeof channel>;
    },
    async close() {
      await core.close();
      if (options.userDataDir === undefined) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Resolves once the job's last snapshot says it finished. */
export async function jobFinished(harness: AppHarness, jobId: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const done = () =>
    harness.events.some((entry) => {
      const snapshot = entry.payload as { jobId?: string; finishedAt?: number | null };
      return (
        entry.event === 'generation:progress' && snapshot.jobId === jobId && snapshot.finishedAt !== null
      );
    });
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`Job ${jobId} did not finish in ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
