import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import {
  fakeApiKey,
  startFakeCometApi,
  type FakeCometApi,
  type FakeScenario,
} from '../../fake-cometapi/fake-cometapi';
import { testTls } from '../../support/http-client';
import { launchApp, type LaunchedApp } from '../launch';
import { seedLibrary, type SeededLibrary } from '../library-seed';
import { temporaryUserData } from './fixtures';

/** Nothing listens on the discard port: whatever needs the API fails at once. */
const unreachableApi = 'http://127.0.0.1:9';

/** Stands where the API would be and records anything that reaches it. */
export interface Tripwire {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

async function startTripwire(): Promise<Tripwire> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method ?? ''} ${request.url ?? ''}`);
    response.statusCode = 503;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}

export interface SessionOptions {
  /**
   * What answers at the API's address: nothing (the default: the app must not need it), a tripwire that records
   * any request, or the fake CometAPI with a scenario.
   */
  api?:
    | 'unreachable'
    | 'tripwire'
    | {
        fake: FakeScenario | undefined;
        /**
         * Serve it over TLS with the test authority, which the app then trusts as NODE_EXTRA_CA_CERTS, under
         * this host name (`*.fake.test` only resolves through the test proxy, see test/support/test-proxy.ts).
         */
        tls?: { host: string };
      };
  /** With the fake API: the key in COMETAPI_KEY (default), or no key anywhere (each launch has its own entry). */
  withKey?: boolean;
  /** Images seeded into the library before the app starts. */
  seed?: number;
  /** The folder a "choose folder" dialog answers with (Chromium driver). */
  exportFolder?: string;
  /** More environment for the app (HTTPS_PROXY, say). */
  env?: Record<string, string>;
}

/** One app under test with everything it was started against, all removed by `close`. */
export interface Session {
  app: LaunchedApp;
  page: Page;
  fake: FakeCometApi | null;
  tripwire: Tripwire | null;
  seeded: SeededLibrary | null;
  /**
   * Quits the app as a user does and starts it again on the same user data, API and environment (the new
   * app and page replace `app` and `page`). `whileClosed` runs in between, with the app gone.
   */
  relaunch: (whileClosed?: () => void | Promise<void>) => Promise<void>;
  close: () => Promise<void>;
}

/** Builds a seeded library's template once (minutes the first time), so each test only copies it. */
export async function warmSeed(images: number): Promise<void> {
  const warmup = temporaryUserData();
  try {
    await seedLibrary(warmup.dir, images);
  } finally {
    warmup.remove();
  }
}

/**
 * The one way specs start the app: a fresh user-data folder, an optional seeded library, and whatever stands
 * in for the API, then the app pointed at them.
 */
export async function openSession(options: SessionOptions = {}): Promise<Session> {
  const userData = temporaryUserData();
  const api = options.api ?? 'unreachable';
  const tls = typeof api === 'object' ? api.tls : undefined;
  const fake =
    typeof api === 'object'
      ? await startFakeCometApi({ scenario: api.fake, ...(tls ? { tls: testTls } : {}) })
      : null;
  const tripwire = api === 'tripwire' ? await startTripwire() : null;
  const seeded = options.seed === undefined ? null : await seedLibrary(userData.dir, options.seed);
  const trust: Record<string, string> = {};
  if (tls) {
    trust.NODE_EXTRA_CA_CERTS = join(userData.dir, 'test-authority.pem');
    writeFileSync(trust.NODE_EXTRA_CA_CERTS, testTls.cert);
  }
  const launch = () =>
    launchApp({
      apiBaseUrl:
        fake && tls ? `https://${tls.host}:${fake.port}` : (fake?.baseUrl ?? tripwire?.url ?? unreachableApi),
      userDataDir: userData.dir,
      env: {
        ...(fake && options.withKey !== false ? { COMETAPI_KEY: fakeApiKey } : {}),
        ...trust,
        ...options.env,
      },
      exportFolder: options.exportFolder,
    });
  const app = await launch();
  const session: Session = {
    app,
    page: app.page,
    fake,
    tripwire,
    seeded,
    relaunch: async (whileClosed) => {
      await session.app.close();
      await whileClosed?.();
      session.app = await launch();
      session.page = session.app.page;
    },
    close: async () => {
      await session.app.close();
      await fake?.stop();
      await tripwire?.close();
      userData.remove();
    },
  };
  return session;
}
