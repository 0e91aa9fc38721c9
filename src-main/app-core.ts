import { join, relative } from 'node:path';
import { aboutFile, appError, AppFailure } from '../src-preload/contract/errors';
import type { JobSnapshot as ContractJobSnapshot, EventPayload } from '../src-preload/contract/ipc';
import type { LibraryImage } from '../src-preload/contract/library-types';
import { clipboardPng, dragIconPng } from './shell/desktop-png';
import { formatDiagnostics, type DiagnosticsFacts } from './diagnostics/diagnostics';
import type { DesktopPort } from './shell/desktop-port';
import { prepareReference } from './generation/references';
import { createDesktopTranslator, desktopLanguage, type Translate } from './i18n/desktop-i18n';
import type { Logger } from './logging/logger';
import type { ImageCodec } from './media/image-codec';
import { requestFromSentParams } from './generation/remix';
import type { Handlers } from './ipc/dispatch';
import type { Emit } from './ipc/emit';
import { createKeyService } from './keychain/key-service';
import type { SecretStore } from './keychain/secret-store';
import { createGenerationJobs, type JobSnapshot } from './jobs/generation-jobs';
import { startLibrary } from './jobs/start-library';
import { createHttpClient } from './network/http-client';
import { describeProxy, manualProxy, type ProxyResolver } from './network/proxy-choice';
import { openLibrary, type Library } from './library/library';
import type { ImageFilter } from './library/image-queries';
import type { ImageRecord } from './library/records';
import { createSettingsStore } from './settings/settings-store';
import { libraryFolderName, settingsFileName } from './settings/user-data-layout';

export interface AppCoreOptions {
  userDataDir: string;
  /** Read for COMETAPI_KEY only; never the whole process env. */
  env: Readonly<Record<string, string | undefined>>;
  /**
   * The gateway to use until the user changes it (SEEDREAM_API_BASE_URL in development and tests; packaged
   * builds never pass one). COMETAPI_KEY belongs to it, or to CometAPI's own address when there is none.
   */
  apiBaseUrlOverride?: string;
  /** Where saved keys live: the OS keychain in the app, a memory store in tests. */
  secretStore: SecretStore;
  /** Turns a path relative to the library folder into a URL the renderer can load. */
  mediaUrl: (relativePath: string) => string;
  desktop: DesktopPort;
  /** Every decode and encode goes through it: native, or WebAssembly inside Electron on Linux. */
  codec: ImageCodec;
  /** better-sqlite3's build for this runtime: Electron's in the app, none under Node. */
  nativeBinding?: string;
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
  library: Library;
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

export function libraryDirOf(userDataDir: string): string {
  return join(userDataDir, libraryFolderName);
}

function notFound(what: string): AppFailure {
  return new AppFailure(appError('not-found', `${what} is no longer in the library.`));
}

/**
 * Builds every service and the handler for every IPC channel without touching Electron, so the Electron
 * bootstrap and the Chromium end-to-end driver run exactly the same main-process code.
 */
export async function createAppCore(options: AppCoreOptions): Promise<AppCore> {
  const { env, emit, desktop, log, apiBaseUrlOverride } = options;
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
    env,
    environmentGateway: apiBaseUrlOverride ? settings.get().apiBaseUrl : undefined,
    legacyGateway: settings.get().apiBaseUrl,
  });
  const library = await openLibrary({
    dir: libraryDirOf(options.userDataDir),
    codec: options.codec,
    nativeBinding: options.nativeBinding,
    thumbnails: 'background',
    // A thumbnail that failed (or was made after all) changes what the tile shows.
    onPreviewMarked: () => {
      libraryChanged('updated');
    },
  });
  const jobs = createGenerationJobs(library, { http, connection: () => keys.connection(), log });

  const mediaUrlOf = (file: string) => options.mediaUrl(relative(library.paths.root, file));
  const toImage = (record: ImageRecord): LibraryImage => ({
    ...record,
    src: mediaUrlOf(library.filePath(record)),
    thumbSrc: mediaUrlOf(library.thumbnailPath(record, 256)),
    previewSrc: mediaUrlOf(library.thumbnailPath(record, 1024)),
  });
  const toSnapshot = (snapshot: JobSnapshot): ContractJobSnapshot => ({
    ...snapshot,
    slots: snapshot.slots.map((slot) => ({ ...slot, image: slot.image ? toImage(slot.image) : null })),
  });
  const imageOrThrow = (id: number) => {
    const image = library.images.image(id);
    if (!image) throw notFound('This image');
    return image;
  };
  // Counting every match of a broad query takes tens of milliseconds at 100 000 images, so a query's total is
  // counted once, when its first page is asked for, and reused for its later pages until the library changes.
  const totals = new Map<string, number>();
  const libraryChanged = (reason: EventPayload<'library:changed'>['reason']) => {
    totals.clear();
    emit('library:changed', { reason });
  };
  const totalOf = (query: string | undefined, filter: ImageFilter, firstPage: boolean) => {
    const key = JSON.stringify([query ?? '', filter]);
    const known = totals.get(key);
    if (known !== undefined && !firstPage) return known;
    const total = library.images.count({ query, filter });
    totals.set(key, total);
    return total;
  };

  const savedSlots = new Map<string, number>();
  // Only running jobs count toward the dock progress; finished ones leave this map.
  const running = new Map<string, JobSnapshot>();
  jobs.subscribe((snapshot) => {
    emit('generation:progress', toSnapshot(snapshot));
    const saved = snapshot.slots.filter((slot) => slot.state === 'saved').length;
    if (saved !== (savedSlots.get(snapshot.jobId) ?? 0)) libraryChanged('ingested');
    savedSlots.set(snapshot.jobId, saved);
    if (snapshot.finishedAt === null) running.set(snapshot.jobId, snapshot);
    else running.delete(snapshot.jobId);
    reportProgress();
    if (snapshot.finishedAt !== null && snapshot.phase !== 'cancelled') {
      desktop.notify(
        translate(snapshot.phase === 'done' ? 'notification.done' : 'notification.problems'),
        translate('notification.body', {
          saved,
          expected: snapshot.expected,
          prompt: snapshot.request.prompt.slice(0, 80),
        }),
      );
    }
  });

  function reportProgress(): void {
    if (running.size === 0) {
      desktop.setProgress(null);
      return;
    }
    const expected = [...running.values()].reduce((sum, job) => sum + job.expected, 0);
    const settled = [...running.values()].reduce(
      (sum, job) =>
        sum + job.slots.filter((slot) => slot.state === 'saved' || slot.state === 'failed').length,
      0,
    );
    // Show activity even before the first image: an empty bar reads as "stuck".
    desktop.setProgress(Math.max(0.05, settled / Math.max(1, expected)));
  }

  // Resuming interrupted downloads must not hold up the window; failures are logged, the library still opens.
  void startLibrary(library, { http }).catch((error: unknown) => {
    log.error('library startup failed', error);
  });

  const handlers: Handlers = {
    'settings:get': () => settings.get(),
    'settings:update': (patch) => {
      const next = settings.update(patch);
      emit('settings:changed', next);
      return next;
    },

    'key:status': () => keys.status(),
    'key:save': ({ key, sessionOnly }) => keys.save(key, { sessionOnly }),
    'key:remove': () => keys.remove(),
    'key:test': () => keys.testConnection(),

    'network:status': async () => {
      const { proxyMode, apiBaseUrl } = settings.get();
      const route = await http.route(apiBaseUrl).catch((error: unknown) => ({
        kind: 'unusable' as const,
        reason: error instanceof Error ? error.message : String(error),
      }));
      return {
        source: proxyMode,
        proxy: route.kind === 'proxy' ? describeProxy(route.url) : null,
        problem: route.kind === 'unusable' ? route.reason : null,
      };
    },

    'generation:start': async ({ request, referenceIds }) =>
      toSnapshot(await jobs.start(request, referenceIds)),
    'generation:cancel': ({ jobId }) => {
      jobs.cancel(jobId);
      return null;
    },
    'generation:jobs': () => jobs.list().map(toSnapshot),
    'generation:remix': ({ generationId }) => {
      const generation = library.details.generation(generationId);
      if (!generation) throw notFound('This generation');
      const request = requestFromSentParams(generation.params);
      if (!request) {
        throw new AppFailure(
          appError(
            'not-found',
            'The settings of this generation were not recorded, so it cannot be remixed.',
          ),
        );
      }
      return { request, references: library.details.references(generationId).map(toImage) };
    },

    'references:add': async ({ name, bytes }) => {
      const prepared = await prepareReference(options.codec, bytes).catch((error: unknown) => {
        throw error instanceof AppFailure ? new AppFailure(aboutFile(name, error.appError)) : error;
      });
      // The library keeps exactly what will be sent, so lineage shows the reference as the model saw it.
      const [outcome] = await library.importFiles([{ name, bytes: prepared.data }]);
      if (!outcome?.image) {
        throw new AppFailure(outcome?.error ?? appError('storage-failed', `${name} could not be stored.`));
      }
      libraryChanged('imported');
      return { image: toImage(outcome.image), notice: prepared.notice };
    },

    'library:list': ({ query, filter, sort, cursor, limit }) => {
      const page = library.images.list({ query, filter, sort, cursor, limit });
      return {
        items: page.items.map(toImage),
        nextCursor: page.nextCursor,
        total: totalOf(query, filter, cursor === null),
      };
    },
    'library:detail': ({ id }) => {
      const detail = library.details.detail(id);
      if (!detail) throw notFound('This image');
      return {
        ...detail,
        image: toImage(detail.image),
        references: detail.references.map(toImage),
        derived: detail.derived.map(toImage),
      };
    },
    'library:stats': () => library.summary.stats(),
    'library:models': () => library.images.models(),
    'library:setFavorite': ({ ids, favorite }) => {
      library.operations.setFavorite(ids, favorite);
      libraryChanged('updated');
      return null;
    },
    'library:trash': ({ ids }) => {
      library.operations.trash(ids);
      libraryChanged('trashed');
      return null;
    },
    'library:restore': ({ ids }) => {
      library.operations.restore(ids);
      libraryChanged('restored');
      return null;
    },
    'library:emptyTrash': () => {
      const result = library.operations.emptyTrash();
      libraryChanged('trashed');
      return result;
    },
    'library:import': async ({ files }) => {
      const outcomes = await library.importFiles(files);
      if (outcomes.some((outcome) => outcome.image && !outcome.duplicate)) libraryChanged('imported');
      return outcomes.map((outcome) => ({
        name: outcome.name,
        image: outcome.image ? toImage(outcome.image) : null,
        duplicate: outcome.duplicate,
        error: outcome.error,
      }));
    },
    'library:export': async ({ ids }) => {
      const folder = await desktop.chooseFolder(translate('dialog.exportTitle'));
      if (folder === null) return null;
      const result = await library.exportImages(ids, folder);
      return { folder: result.folder, count: result.exported.length, skipped: result.skipped };
    },
    'library:check': ({ full }) => library.check(full),

    'tags:list': () => library.summary.tags(),
    'tags:add': ({ ids, name }) => {
      const tag = library.operations.addTag(ids, name);
      libraryChanged('updated');
      return tag;
    },
    'tags:remove': ({ ids, tagId }) => {
      library.operations.removeTag(ids, tagId);
      libraryChanged('updated');
      return null;
    },

    'collections:list': () => library.summary.collections(),
    'collections:create': ({ name }) => library.operations.createCollection(name),
    'collections:rename': ({ id, name }) => library.operations.renameCollection(id, name),
    'collections:delete': ({ id }) => {
      library.operations.deleteCollection(id);
      libraryChanged('updated');
      return null;
    },
    'collections:add': ({ ids, collectionId }) => {
      library.operations.addToCollection(collectionId, ids);
      libraryChanged('updated');
      return null;
    },
    'collections:remove': ({ ids, collectionId }) => {
      library.operations.removeFromCollection(collectionId, ids);
      libraryChanged('updated');
      return null;
    },

    'desktop:reveal': ({ id }) => {
      desktop.revealFile(library.filePath(imageOrThrow(id)));
      return null;
    },
    'desktop:copyImage': async ({ id }) => {
      await desktop.copyImage(await clipboardPng(options.codec, library.filePath(imageOrThrow(id))));
      return null;
    },
    'desktop:startDrag': async ({ id }) => {
      const image = imageOrThrow(id);
      const file = library.filePath(image);
      desktop.startDrag(file, await dragIconPng(options.codec, [library.thumbnailPath(image, 256), file]));
      return null;
    },
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
    library,
    translate,
    diagnostics: async (host) =>
      formatDiagnostics({
        ...host,
        codecBuild: options.codec.build,
        apiBaseUrl: settings.get().apiBaseUrl,
        keyStatus: (await keys.status()).source,
        library: describeLibrary(),
      }),
    close: async () => {
      // A job still writing when the catalog closes would fail half-way, so running jobs are cancelled and
      // given a moment to settle first.
      const unfinished = [...running.keys()];
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
