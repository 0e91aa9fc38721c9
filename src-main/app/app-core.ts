import { join } from 'node:path';
import type { Handlers } from '../ipc/dispatch';
import type { Emit } from '../ipc/emit';
import { formatDiagnostics, type DiagnosticsFacts } from '../diagnostics/diagnostics';
import { desktopHandlers } from '../handlers/desktop-handlers';
import { editHandlers } from '../handlers/edit-handlers';
import { generationHandlers } from '../handlers/generation-handlers';
import { moneyHandlers } from '../handlers/money-handlers';
import { keyHandlers } from '../handlers/key-handlers';
import { libraryHandlers } from '../handlers/library-handlers';
import { networkHandlers } from '../handlers/network-handlers';
import { organiseHandlers } from '../handlers/organise-handlers';
import { promptHandlers, referenceSetHandlers } from '../handlers/prompt-handlers';
import { queueHandlers } from '../handlers/queue-handlers';
import { referenceHandlers } from '../handlers/reference-handlers';
import { settingsHandlers } from '../handlers/settings-handlers';
import { createDesktopTranslator, desktopLanguage, type Translate } from '../i18n/desktop-i18n';
import { createEditApplier } from '../jobs/apply-edit';
import { createGenerationJobs } from '../jobs/generation-jobs';
import { createQueueRunner } from '../jobs/queue-runner';
import { createRequestPacer } from '../jobs/request-pacer';
import { startLibrary } from '../jobs/start-library';
import { createKeyService } from '../keychain/key-service';
import type { SecretStore } from '../keychain/secret-store';
import type { Library } from '../library/library';
import type { Logger } from '../logging/logger';
import type { ImageCodec } from '../media/image-codec';
import { createHttpClient } from '../network/http-client';
import { manualProxy, type ProxyResolver } from '../network/proxy-choice';
import { createSettingsStore } from '../settings/settings-store';
import { modelListFileName, settingsFileName } from '../settings/user-data-layout';
import { gatewayProfile } from '../../src-preload/contract/gateway-profiles';
import { createModelListService } from '../models/model-list';
import { createBalanceService } from '../money/balance';
import type { DesktopPort } from '../shell/desktop-port';
import { createDockProgress } from './dock-progress';
import { watchJobs } from './job-effects';
import { createLibraryChanges } from './library-changes';
import { createOpenedImages } from './opened-images';
import { createPresenter } from './presenter';
import { watchQueue } from './queue-effects';

export interface AppCoreOptions {
  userDataDir: string;
  /** Read for COMETAPI_KEY only; never the whole process env. */
  env: Readonly<Record<string, string | undefined>>;
  /**
   * The gateway to use until the user changes it (SEEDREAM_API_BASE_URL in development and tests; packaged
   * builds never pass one). COMETAPI_KEY belongs to it, or to CometAPI's own address when there is none.
   */
  apiBaseUrlOverride?: string;
  /** The balance service's address instead of the profile's (SEEDREAM_QUOTA_URL, development and tests only). */
  quotaUrlOverride?: string;
  /** Where saved keys live: the OS keychain in the app, a memory store in tests. */
  secretStore: SecretStore;
  /**
   * The open library (see app-library.ts). The core takes it over: `close` stops the jobs writing into it
   * first, then closes it.
   */
  library: Library;
  /** Turns a path relative to the library folder into a URL the renderer can load. */
  mediaUrl: (relativePath: string) => string;
  desktop: DesktopPort;
  /** Every decode and encode goes through it: native, or WebAssembly inside Electron on Linux. */
  codec: ImageCodec;
  emit: Emit;
  /** The app's log (user-data `logs/`); the job engine writes to it too. */
  log: Logger;
  /** The OS language (`app.getLocale()`), used when Settings say "system". */
  systemLocale: string;
  network: {
    /** The system's proxy for a URL: Electron's resolution in the app, the environment under test. */
    systemProxy: ProxyResolver;
    /** PEM authorities to trust, asked once at the first secure connection (see network/trust-store.ts). */
    certificates: () => readonly string[];
  };
}

export interface AppCore {
  handlers: Handlers;
  /** Image files the OS asked the app to open (paths from the OS, never from the renderer). */
  openFiles(files: readonly string[]): Promise<void>;
  /** Main's strings in the language the user chose (menus, dialogs, notifications). */
  translate: Translate;
  /** The text of Help > Copy diagnostics; never the key. */
  diagnostics(host: DiagnosticsHost): Promise<string>;
  close(): Promise<void>;
}

/** What only the Electron side knows, for the diagnostics. */
export type DiagnosticsHost = Pick<
  DiagnosticsFacts,
  'appVersion' | 'versions' | 'os' | 'packaged' | 'logsDir'
>;

/**
 * The composition root of the main process, without Electron: builds the services from what it is given and
 * passes each handler module the services it needs, so the Electron bootstrap and the Chromium end-to-end
 * driver run exactly the same main-process code.
 */
export function createAppCore(options: AppCoreOptions): AppCore {
  const { env, emit, desktop, log, library, codec, apiBaseUrlOverride } = options;
  const settings = createSettingsStore(
    join(options.userDataDir, settingsFileName),
    apiBaseUrlOverride ? { apiBaseUrl: apiBaseUrlOverride } : {},
  );
  const translate = createDesktopTranslator(() =>
    desktopLanguage(settings.get().language, options.systemLocale),
  );
  // One client for everything that leaves the machine; the manual proxy in Settings wins over the system's.
  const proxyFor: ProxyResolver = (url) => {
    const { proxyMode, proxyUrl } = settings.get();
    return proxyMode === 'manual' ? manualProxy(proxyUrl)(url) : options.network.systemProxy(url);
  };
  const http = createHttpClient({ proxy: proxyFor, certificates: options.network.certificates });
  const keys = createKeyService({
    http,
    store: options.secretStore,
    baseUrl: () => settings.get().apiBaseUrl,
    gateway: () => gatewayProfile(settings.get().gatewayKind),
    env,
    environmentGateway: apiBaseUrlOverride ? settings.get().apiBaseUrl : undefined,
    legacyGateway: settings.get().apiBaseUrl,
  });
  const models = createModelListService({
    http,
    gateway: () => ({ baseUrl: settings.get().apiBaseUrl, kind: settings.get().gatewayKind }),
    cacheFile: join(options.userDataDir, modelListFileName),
    log,
  });
  const balance = createBalanceService({
    http,
    store: options.secretStore,
    gatewayKind: () => settings.get().gatewayKind,
    enabled: () => settings.get().balanceCheck,
    gatewayKey: async () => (await keys.connection()).apiKey,
    ...(options.quotaUrlOverride ? { quotaUrl: options.quotaUrlOverride } : {}),
    log,
  });
  const jobs = createGenerationJobs(library, {
    http,
    connection: async () => ({
      ...(await keys.connection()),
      gateway: gatewayProfile(settings.get().gatewayKind),
    }),
    offer: () => models.offer(),
    budgets: () => settings.get(),
    log,
  });
  // Each finished generation changes the balance; it is asked again only when the user opted in.
  jobs.subscribe((snapshot) => {
    if (snapshot.finishedAt === null || !settings.get().balanceCheck) return;
    void balance.refresh().then((status) => {
      emit('balance:changed', status);
    });
  });
  // The model list is read once at start, off the window's critical path, and only once a key is set for the
  // gateway: a library opened offline or before any key is saved reaches no server. Failures keep the cache.
  void keys
    .status()
    .then((status) => (status.source === 'none' ? undefined : models.refresh()))
    .catch((error: unknown) => {
      log.warn(`model list not read at start: ${error instanceof Error ? error.message : String(error)}`);
    });
  const present = createPresenter(library, options.mediaUrl);
  const changes = createLibraryChanges(emit, (query, limit) => library.images.countUpTo(query, limit));
  const progress = createDockProgress(desktop);
  const effects = watchJobs({ jobs, emit, present, changes, desktop, progress, translate });
  // A thumbnail that failed (or was made after all) changes what the tile shows.
  library.thumbnails.subscribe(() => {
    changes.announce('updated');
  });

  // Resuming interrupted downloads must not hold up the window; failures are logged, the library still opens.
  const startup = startLibrary(library, { http }).catch((error: unknown) => {
    log.error('library startup failed', error);
  });

  const opened = createOpenedImages({ codec, library, present, changes, emit });
  const pacer = createRequestPacer({ limit: () => settings.get().queueRequestsPerMinute });
  const concurrency = () => settings.get().queueConcurrency;
  const runner = createQueueRunner({
    library,
    jobs,
    pacer,
    concurrency,
    // The queue takes up items of a stopped process once the library has settled their generations.
    recoverLibrary: () => startup,
    log,
  });
  const queue = watchQueue({ runner, pacer, library, emit, desktop, progress, translate, concurrency });
  void runner.start().catch((error: unknown) => {
    log.error('queue startup failed', error);
  });

  const handlers: Handlers = {
    ...settingsHandlers({ settings, emit }),
    ...keyHandlers({ keys, onKeySaved: () => void models.refresh() }),
    ...networkHandlers({ settings, http }),
    ...generationHandlers({ jobs, library, present }),
    ...moneyHandlers({ models, library, balance, emit }),
    ...referenceHandlers({ codec, library, present, changes }),
    ...editHandlers({ edits: createEditApplier({ library, jobs, codec }), opened, present, changes }),
    ...libraryHandlers({ library, present, changes, desktop, translate }),
    ...organiseHandlers({ library, changes }),
    ...promptHandlers({ library }),
    ...referenceSetHandlers({ library, present }),
    ...queueHandlers({ runner, library, snapshot: () => queue.snapshot() }),
    ...desktopHandlers({ library, desktop, codec }),
  };

  const describeLibrary = (): DiagnosticsFacts['library'] => {
    try {
      return library.summary.stats();
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  };

  return {
    handlers,
    openFiles: (files) => opened.open(files),
    translate,
    diagnostics: async (host) =>
      formatDiagnostics({
        ...host,
        codecBuild: codec.build,
        apiBaseUrl: settings.get().apiBaseUrl,
        keyStatus: (await keys.status()).source,
        library: describeLibrary(),
      }),
    close: async () => {
      // Queued requests already sent get a moment to finish; the rest wait for the next start (see stop()).
      queue.stop();
      await runner.stop(5_000);
      // A job still writing when the catalog closes would fail half-way, so running jobs are cancelled and
      // given a moment to settle first.
      const unfinished = effects.running();
      for (const jobId of unfinished) jobs.cancel(jobId);
      await Promise.race([
        Promise.allSettled(unfinished.map((jobId) => jobs.finished(jobId))),
        new Promise((resolve) => setTimeout(resolve, 5_000)),
      ]);
      await library.thumbnails.stop();
      library.close();
      await http.close();
    },
  };
}
