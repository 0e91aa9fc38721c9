import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { runGeneration, type EngineEvent } from '../../src-main/generation/run-generation';
import { startFakeCometApi, type FakeCometApi } from '../fake-cometapi/fake-cometapi';
import { engineOptions, filesIn, quickPolicy, recordingSleep, request, useFakeApi } from './harness';
import { failureOf } from '../support/failure-of';

const api = useFakeApi();

function errorBody(code: string, message: string, param = '') {
  return { error: { message, type: 'invalid_request_error', param, code } };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');
  return port;
}

describe('runGeneration, refusals by the API', () => {
  it.each([
    [401, 'AuthenticationError', 'key-rejected'],
    [402, 'AccountOverdueError', 'no-credit'],
    [403, 'Forbidden', 'forbidden'],
    [500, 'InternalServiceError', 'server-error'],
    [503, 'ServiceUnavailable', 'server-error'],
  ])('maps HTTP %i (%s) to %s and sends once', async (status, code, expected) => {
    api.fake.setScenario({ posts: [{ kind: 'status', status, body: errorBody(code, 'nope') }] });
    const error = await failureOf(runGeneration(engineOptions(api, [])));
    expect(error.code).toBe(expected);
    expect(api.fake.stats.generationPosts).toBe(1);
  });

  it('reports an error the service wraps in a successful answer', async () => {
    api.fake.setScenario({
      posts: [
        { kind: 'status', status: 200, body: errorBody('OutputImageSensitiveContentDetected', 'withheld') },
      ],
    });
    const error = await failureOf(runGeneration(engineOptions(api, [])));
    expect(error.code).toBe('content-rejected');
  });

  it('rejects a wrong key', async () => {
    const error = await failureOf(runGeneration({ ...engineOptions(api, []), apiKey: 'sk-wrong-key' }));
    expect(error.code).toBe('key-rejected');
    expect(error.message).not.toContain('sk-wrong-key');
  });

  it('points a 400 with a param at its control', async () => {
    api.fake.setScenario({
      posts: [
        { kind: 'status', status: 400, body: errorBody('InvalidParameter', 'size is invalid', 'size') },
      ],
    });
    const error = await failureOf(runGeneration(engineOptions(api, [])));
    expect(error).toMatchObject({ code: 'bad-request', field: 'size' });
    expect(error.message).toContain('size is invalid');
  });

  it('maps sensitive-content codes to content-rejected on the right control', async () => {
    const error = await failureOf(
      runGeneration(
        engineOptions(api, [], {
          request: request({ prompt: 'x [fake:sensitive-prompt]' }),
        }),
      ),
    );
    expect(error).toMatchObject({ code: 'content-rejected', field: 'prompt' });
  });

  it('never lets the key into an error, even when the service echoes it', async () => {
    api.fake.setScenario({
      posts: [
        { kind: 'status', status: 400, body: errorBody('InvalidParameter', `bad key ${api.fake.apiKey}`) },
      ],
    });
    const error = await failureOf(runGeneration(engineOptions(api, [])));
    expect(JSON.stringify(error)).not.toContain(api.fake.apiKey);
  });

  it('sends nothing when the request is invalid or no key is set', async () => {
    const invalid = await failureOf(
      runGeneration(engineOptions(api, [], { request: request({ outputFormat: 'png' }) })),
    );
    expect(invalid).toMatchObject({ code: 'invalid-input', field: 'outputFormat' });
    const tooMany = await failureOf(
      runGeneration(
        engineOptions(api, [], {
          request: request({ sequential: 'auto', maxImages: 10 }),
          references: Array.from({ length: 6 }, () => 'data:image/png;base64,AAAA'),
        }),
      ),
    );
    expect(tooMany).toMatchObject({ code: 'invalid-input', field: 'maxImages' });
    const noKey = await failureOf(runGeneration({ ...engineOptions(api, []), apiKey: '' }));
    expect(noKey.code).toBe('key-missing');
    expect(api.fake.stats.generationPosts).toBe(0);
  });
});

describe('runGeneration, money-safe retries', () => {
  it('waits out Retry-After on 429 and sends again, each retry announced', async () => {
    const busy = {
      kind: 'status' as const,
      status: 429,
      retryAfter: '2',
      body: errorBody('RateLimitExceeded', 'busy'),
    };
    api.fake.setScenario({ posts: [busy, busy] });
    const { delays, sleep } = recordingSleep();
    const events: EngineEvent[] = [];
    const outcome = await runGeneration(engineOptions(api, events, { sleep }));
    expect(outcome.images).toHaveLength(1);
    expect(api.fake.stats.generationPosts).toBe(3);
    expect(delays).toEqual([2000, 2000]);
    const retries = events.filter((event) => event.type === 'retrying');
    expect(retries).toEqual([
      {
        type: 'retrying',
        attempt: 2,
        delayMs: 2000,
        reason: expect.objectContaining({ code: 'rate-limited' }) as unknown,
      },
      {
        type: 'retrying',
        attempt: 3,
        delayMs: 2000,
        reason: expect.objectContaining({ code: 'rate-limited' }) as unknown,
      },
    ]);
  });

  it('gives up after the retry budget and says when to come back', async () => {
    const busy = {
      kind: 'status' as const,
      status: 429,
      retryAfter: '1',
      body: errorBody('RateLimitExceeded', 'busy'),
    };
    api.fake.setScenario({ posts: Array.from({ length: 10 }, () => busy) });
    const { sleep } = recordingSleep();
    const error = await failureOf(runGeneration(engineOptions(api, [], { sleep })));
    expect(error).toMatchObject({ code: 'rate-limited', retryAfterSeconds: 1 });
    expect(api.fake.stats.generationPosts).toBe(1 + quickPolicy.generationRetries);
  });

  it('does not wait out a Retry-After longer than the limit', async () => {
    api.fake.setScenario({ posts: [{ kind: 'status', status: 429, retryAfter: '3600', body: {} }] });
    const { delays, sleep } = recordingSleep();
    const error = await failureOf(runGeneration(engineOptions(api, [], { sleep })));
    expect(error).toMatchObject({ code: 'rate-limited', retryAfterSeconds: 3600 });
    expect(delays).toEqual([]);
    expect(api.fake.stats.generationPosts).toBe(1);
  });

  it('never re-sends after a server error', async () => {
    api.fake.setScenario({ posts: [{ kind: 'status', status: 502, body: {} }] });
    const { delays, sleep } = recordingSleep();
    await failureOf(runGeneration(engineOptions(api, [], { sleep })));
    expect(delays).toEqual([]);
    expect(api.fake.stats.generationPosts).toBe(1);
  });

  it('never re-sends when the connection dropped after the request arrived', async () => {
    api.fake.setScenario({ posts: [{ kind: 'drop' }] });
    const { delays, sleep } = recordingSleep();
    const error = await failureOf(runGeneration(engineOptions(api, [], { sleep })));
    expect(error.code).toBe('connection-lost');
    expect(delays).toEqual([]);
    expect(api.fake.stats.generationPosts).toBe(1);
  });

  it('never re-sends after an answer that is not JSON', async () => {
    api.fake.setScenario({ posts: [{ kind: 'invalid-json' }] });
    const { delays, sleep } = recordingSleep();
    const error = await failureOf(runGeneration(engineOptions(api, [], { sleep })));
    expect(error).toMatchObject({
      code: 'server-error',
      message: expect.stringContaining('could not be read') as unknown,
    });
    expect(delays).toEqual([]);
    expect(api.fake.stats.generationPosts).toBe(1);
  });

  it('never re-sends when the answer is cut mid-body, and leaves no partial files', async () => {
    api.fake.setScenario({ posts: [{ kind: 'drop-mid-body' }] });
    const error = await failureOf(
      runGeneration(
        engineOptions(api, [], {
          request: request({ responseFormat: 'b64_json', sequential: 'auto', maxImages: 4 }),
        }),
      ),
    );
    expect(error.code).toBe('connection-lost');
    expect(api.fake.stats.generationPosts).toBe(1);
    expect(await filesIn(api.tmpDir)).toEqual([]);
  });

  it('retries a connection that was refused before anything was sent', async () => {
    const port = await freePort();
    const { delays } = recordingSleep();
    let late: FakeCometApi | undefined;
    const sleep = async (ms: number) => {
      delays.push(ms);
      if (delays.length === 2) late = await startFakeCometApi({ port });
    };
    try {
      const events: EngineEvent[] = [];
      const outcome = await runGeneration({
        ...engineOptions(api, events, { sleep }),
        baseUrl: `http://127.0.0.1:${port}`,
      });
      expect(outcome.images).toHaveLength(1);
      expect(delays).toEqual([1, 2]);
      expect(late?.stats.generationPosts).toBe(1);
      expect(events.filter((event) => event.type === 'retrying').map((event) => event.reason.code)).toEqual([
        'offline',
        'offline',
      ]);
    } finally {
      await late?.stop();
    }
  });

  it('says offline when nothing answers, after bounded retries', async () => {
    const port = await freePort();
    const { delays, sleep } = recordingSleep();
    const error = await failureOf(
      runGeneration({
        ...engineOptions(api, [], { sleep }),
        baseUrl: `http://127.0.0.1:${port}/`,
      }),
    );
    expect(error.code).toBe('offline');
    expect(error.message).toContain('127.0.0.1');
    expect(delays).toHaveLength(quickPolicy.generationRetries);
  });
});

describe('runGeneration, time limits and cancel', () => {
  it('times out a stalled generation without re-sending it', async () => {
    api.fake.setScenario({ posts: [{ kind: 'stall' }] });
    const error = await failureOf(runGeneration(engineOptions(api, [], { timeoutMs: 300 })));
    expect(error.code).toBe('timeout');
    expect(api.fake.stats.generationPosts).toBe(1);
  });

  it('sends nothing when cancelled before it starts', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await failureOf(runGeneration(engineOptions(api, [], { signal: controller.signal })));
    expect(error.code).toBe('cancelled');
    expect(api.fake.stats.generationPosts).toBe(0);
  });

  it('stops a waiting generation when the user cancels', async () => {
    api.fake.setScenario({ posts: [{ kind: 'stall' }] });
    const controller = new AbortController();
    const events: EngineEvent[] = [];
    const running = runGeneration(
      engineOptions(api, events, {
        signal: controller.signal,
        onEvent: (event) => {
          events.push(event);
          if (event.type === 'waiting')
            setTimeout(() => {
              controller.abort();
            }, 50);
        },
      }),
    );
    expect((await failureOf(running)).code).toBe('cancelled');
    expect(api.fake.stats.generationPosts).toBe(1);
  });

  it('stops downloads in flight when the user cancels, leaving no partial files', async () => {
    api.fake.setScenario({ downloads: [{ kind: 'stall-mid-body' }, { kind: 'stall-mid-body' }] });
    const controller = new AbortController();
    let announced = 0;
    const running = runGeneration(
      engineOptions(api, [], {
        request: request({ sequential: 'auto', maxImages: 2 }),
        signal: controller.signal,
        onEvent: (event) => {
          if (event.type === 'result-url' && ++announced === 2)
            setTimeout(() => {
              controller.abort();
            }, 100);
        },
      }),
    );
    expect((await failureOf(running)).code).toBe('cancelled');
    expect(await filesIn(api.tmpDir)).toEqual([]);
  });
});
