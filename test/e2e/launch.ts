import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { _electron, chromium, type Browser, type ElectronApplication, type Page } from '@playwright/test';
import { createAppCore } from '../../src-main/app/app-core';
import { openAppLibrary } from '../../src-main/app/app-library';
import { createDispatch } from '../../src-main/ipc/dispatch';
import { createFileLogger } from '../../src-main/logging/logger';
import type { Emit } from '../../src-main/ipc/emit';
import { createKeytarStore } from '../../src-main/keychain/keytar-store';
import { developmentOverrides } from '../../src-main/settings/development-overrides';
import { libraryDirIn } from '../../src-main/settings/user-data-layout';
import { createSenderCheck } from '../../src-main/ipc/trusted-sender';
import { createMediaHandler } from '../../src-main/media/media-handler';
import { environmentProxy } from '../../src-main/network/proxy-choice';
import { trustedCertificates } from '../../src-main/network/trust-store';
import { createRendererHandler } from '../../src-main/shell/renderer-handler';
import { MEDIA_ORIGIN, mediaUrl } from '../../src-main/shell/schemes';
import { chooseDriver, type DriverName } from './support/driver';
import { electronLaunchPlan } from './support/electron-launch';
import { serveWebHandlers } from './support/http-adapter';
import { createRecordingDesktop, type RecordingDesktop } from './support/recording-desktop';
import { decodeFromTransport, encodeForTransport } from './support/transport-codec';
import { nativeCodec } from '../support/codecs';

export interface LaunchOptions {
  apiBaseUrl: string;
  userDataDir: string;
  /** Extra environment for the app, e.g. COMETAPI_KEY. The test runner's own COMETAPI_KEY is never inherited. */
  env?: Record<string, string>;
  /** The folder a "choose folder" dialog answers with (Chromium driver); null answers "cancelled". */
  exportFolder?: string | null;
}

export interface LaunchedApp {
  driver: DriverName;
  page: Page;
  /** The Electron application handle (Electron driver only). */
  electronApp: ElectronApplication | null;
  /** Desktop effects the app asked for (Chromium driver only: Electron performs them for real). */
  desktop: RecordingDesktop | null;
  close(): Promise<void>;
}

interface PageHooks {
  __seedreamDeliver: (event: string, payload: unknown) => void;
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const base64 = {
  encode: (bytes: Uint8Array) => Buffer.from(bytes).toString('base64'),
  decode: (text: string) => new Uint8Array(Buffer.from(text, 'base64')),
};

/**
 * Each launch gets its own keychain entry name so specs never see each other's keys (or the user's).
 */
function appEnvironment(options: LaunchOptions): Record<string, string> {
  return {
    SEEDREAM_KEYCHAIN_SERVICE: `Seedream Studio e2e ${randomUUID()}`,
    ...options.env,
    SEEDREAM_USER_DATA: options.userDataDir,
    SEEDREAM_API_BASE_URL: options.apiBaseUrl,
  };
}

let preloadShim: Promise<string> | null = null;

function bundlePreloadShim(): Promise<string> {
  preloadShim ??= build({
    entryPoints: [`${root}/test/e2e/browser/chromium-preload.ts`],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]?.text ?? '');
  return preloadShim;
}

async function launchElectron(executable: string, options: LaunchOptions): Promise<LaunchedApp> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'COMETAPI_KEY',
    ),
  );
  const plan = electronLaunchPlan(
    { platform: process.platform, uid: process.getuid?.(), env: process.env },
    root,
  );
  if (plan.needsDisplay) {
    throw new Error('No display for Electron: the global setup starts Xvfb on Linux (apt-get install xvfb).');
  }
  const electronApp = await _electron.launch({
    executablePath: executable,
    args: plan.args,
    env: { ...inherited, ...appEnvironment(options) },
  });
  const page = await electronApp.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { driver: 'electron', page, electronApp, desktop: null, close: () => electronApp.close() };
}

/** The PEM file NODE_EXTRA_CA_CERTS names, as Node reads it when it starts. */
function extraCertificates(environment: Record<string, string>): string[] {
  const file = environment.NODE_EXTRA_CA_CERTS;
  return file === undefined ? [] : [readFileSync(file, 'utf8')];
}

async function launchChromium(executable: string, options: LaunchOptions): Promise<LaunchedApp> {
  let page: Page | null = null;
  const emit: Emit = (event, payload) => {
    void page
      ?.evaluate(
        ([name, body]) => {
          // Runs in the page, where chromium-preload.ts defined this delivery hook.
          (globalThis as unknown as PageHooks).__seedreamDeliver(name, body);
        },
        [event, encodeForTransport(payload, base64)] as const,
      )
      .catch(() => undefined);
  };
  const desktop = createRecordingDesktop(options.exportFolder ?? null);
  // As bootstrap.ts does: the library first, handed to the media handler and the core.
  const library = await openAppLibrary({ userDataDir: options.userDataDir, codec: nativeCodec });
  // Routes are added once the server knows its address, the one host the media handler answers for.
  const routes: Parameters<typeof serveWebHandlers>[0] = [];
  const server = await serveWebHandlers(routes);
  routes.push(
    {
      prefix: '/media/',
      handler: createMediaHandler({
        rootDir: libraryDirIn(options.userDataDir),
        mountPath: '/media/',
        host: new URL(server.origin).host,
        makeMissing: (relativePath) => library.thumbnails.makeMissing(relativePath),
      }),
    },
    { prefix: '/', handler: createRendererHandler({ rootDir: `${root}/dist/renderer` }) },
  );
  // As bootstrap.ts does for an unpackaged run: the same overrides, the same keychain.
  const environment = appEnvironment(options);
  const overrides = developmentOverrides(false, environment);
  const core = createAppCore({
    userDataDir: options.userDataDir,
    env: environment,
    apiBaseUrlOverride: overrides.apiBaseUrl,
    quotaUrlOverride: overrides.quotaUrl,
    secretStore: createKeytarStore(undefined, overrides.keychainService),
    library,
    mediaUrl: (relativePath) => mediaUrl(relativePath).replace(MEDIA_ORIGIN, `${server.origin}/media`),
    desktop,
    codec: nativeCodec,
    emit,
    // As the app does: a log file in the user-data folder's logs/, echoed to the test output.
    log: createFileLogger({ dir: join(options.userDataDir, 'logs'), fileName: 'main.log', console: true }),
    systemLocale: 'en-US',
    // Electron resolves the proxy from the environment on Linux, and its Node reads NODE_EXTRA_CA_CERTS at
    // start; this driver, in the test runner's process, reads both from the app's environment instead.
    network: {
      systemProxy: environmentProxy(environment),
      certificates: () => trustedCertificates(undefined, extraCertificates(environment)),
    },
  });
  const dispatch = createDispatch(core.handlers, {
    isTrustedSender: createSenderCheck(server.origin),
    logError: (channel, error) => {
      console.error(`[app] ${channel}:`, error);
    },
  });

  const browser: Browser = await chromium.launch({
    executablePath: executable,
    headless: true,
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
      '--disable-gpu',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  await page.exposeBinding('__seedreamInvoke', async (source, channel: unknown, input: unknown) => {
    const result = await dispatch(String(channel), decodeFromTransport(input, base64), {
      url: source.frame.url(),
      isMainFrame: source.frame === source.page.mainFrame(),
    });
    return encodeForTransport(result, base64);
  });
  await page.addInitScript({ content: await bundlePreloadShim() });
  await page.goto(`${server.origin}/index.html`);

  return {
    driver: 'chromium',
    page,
    electronApp: null,
    desktop,
    close: async () => {
      await browser.close();
      await server.close();
      await core.close();
    },
  };
}

let announced = false;

/** The only way specs start the app. */
export async function launchApp(options: LaunchOptions): Promise<LaunchedApp> {
  const driver = chooseDriver();
  if (!announced) {
    console.log(`End-to-end driver: ${driver.name} (${driver.reason})`);
    announced = true;
  }
  return driver.name === 'electron'
    ? launchElectron(driver.executable, options)
    : launchChromium(driver.executable, options);
}
