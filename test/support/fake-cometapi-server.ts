import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startFakeCometApi, type FakeCometApi, type FakeOptions } from '../fake-cometapi/fake-cometapi';

export interface FakeCometApiContext {
  /** The running server; read it inside tests and hooks (it starts before the file's first test). */
  readonly fake: FakeCometApi;
}

export interface FakeCometApiSetup extends FakeOptions {
  /**
   * Whether each test starts from the file's scenario with fresh stats (the default), or the file's tests share
   * one history, for a last test that checks what the whole file sent.
   */
  freshEachTest?: boolean;
}

/**
 * One fake CometAPI per test file on 127.0.0.1, started before the file's own `beforeAll` hooks (so they can
 * point an app at it) and stopped after its `afterAll` hooks. By default each test starts from the file's
 * scenario (or the default) with fresh stats, so no test sees what another one set.
 */
export function useFakeCometApi({
  freshEachTest = true,
  ...options
}: FakeCometApiSetup = {}): FakeCometApiContext {
  let server: FakeCometApi | null = null;
  beforeAll(async () => {
    server = await startFakeCometApi(options);
  });
  afterAll(async () => {
    await server?.stop();
  });
  beforeEach(() => {
    if (!freshEachTest) return;
    server?.reset();
    if (options.scenario) server?.setScenario(options.scenario);
  });
  return {
    get fake() {
      if (!server) throw new Error('The fake CometAPI starts in beforeAll; read it inside a test or hook.');
      return server;
    },
  };
}
