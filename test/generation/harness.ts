import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { generationRequestSchema, type GenerationRequestInput } from '../../src-preload/contract/generation';
import type { EngineEvent, RunGenerationOptions } from '../../src-main/generation/run-generation';
import { defaultRetryPolicy } from '../../src-main/generation/retry-policy';
import type { HttpClient } from '../../src-main/network/http-client';
import type { FakeCometApi } from '../fake-cometapi/fake-cometapi';
import { useFakeCometApi } from '../support/fake-cometapi-server';
import { useHttpClient } from '../support/http-client';

export interface FakeApiContext {
  readonly fake: FakeCometApi;
  readonly tmpDir: string;
  readonly http: HttpClient;
}

/** The file's fake server (see useFakeCometApi) and HTTP client, and a fresh temporary folder per test. */
export function useFakeApi(): FakeApiContext {
  const server = useFakeCometApi();
  const client = useHttpClient();
  let tmpDir = '';
  beforeEach(async () => {
    tmpDir = await mkdtemp(join(tmpdir(), 'seedream-engine-test-'));
  });
  afterEach(async () => {
    await rm(tmpDir, { recursive: true, force: true });
  });
  return {
    get fake() {
      return server.fake;
    },
    get tmpDir() {
      return tmpDir;
    },
    get http() {
      return client.http;
    },
  };
}

export function request(input: Partial<GenerationRequestInput> = {}) {
  return generationRequestSchema.parse({
    model: 'doubao-seedream-4-5-251128',
    prompt: 'a lighthouse at dusk',
    ...input,
  });
}

/** Sleeps are recorded and skipped, so retry tests assert delays without waiting for them. */
export function recordingSleep() {
  const delays: number[] = [];
  const sleep = (ms: number, signal?: AbortSignal) => {
    delays.push(ms);
    return signal?.aborted ? Promise.reject(new Error('aborted')) : Promise.resolve();
  };
  return { delays, sleep };
}

/** Fast retries for tests; the policy's shape and budget stay the real ones. */
export const quickPolicy = { ...defaultRetryPolicy, baseDelayMs: 1, maxDelayMs: 5 };

export function engineOptions(
  { fake, tmpDir, http }: FakeApiContext,
  events: EngineEvent[],
  extra: Partial<RunGenerationOptions> = {},
): RunGenerationOptions {
  return {
    http,
    baseUrl: fake.baseUrl,
    apiKey: fake.apiKey,
    request: request(),
    references: [],
    tmpDir,
    onEvent: (event) => events.push(event),
    retryPolicy: quickPolicy,
    ...extra,
  };
}

export async function filesIn(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}
