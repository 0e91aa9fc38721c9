import { describe, expect, it } from 'vitest';
import { runGeneration } from '../../src-main/generation/run-generation';
import { engineOptions, request, useFakeApi } from '../generation/harness';
import { failureOf } from '../support/failure-of';

const api = useFakeApi();

async function admin(path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${api.fake.baseUrl}/__fake/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return response.json();
}

describe('fake CometAPI control from another process', () => {
  it('takes a scenario and reports its counters over the admin endpoints', async () => {
    await admin('scenario', { posts: [{ kind: 'status', status: 503, body: {} }] });
    expect((await failureOf(runGeneration(engineOptions(api, [])))).code).toBe('server-error');
    expect(await admin('stats')).toMatchObject({ generationPosts: 1, downloads: 0 });
    await admin('reset', {});
    expect(await admin('stats')).toMatchObject({ generationPosts: 0 });
  });

  it('picks a behaviour from a keyword in the prompt', async () => {
    const limited = await failureOf(
      runGeneration(engineOptions(api, [], { request: request({ prompt: 'a cat [fake:no-credit]' }) })),
    );
    expect(limited.code).toBe('no-credit');
    const outcome = await runGeneration(
      engineOptions(api, [], {
        request: request({ prompt: 'cats [fake:partial-failure]', sequential: 'auto', maxImages: 2 }),
      }),
    );
    expect(outcome.images.map((slot) => 'error' in slot)).toEqual([false, true]);
  });

  it('refuses the sequence fields for the pro model, as the real API does', async () => {
    const response = await fetch(`${api.fake.baseUrl}/v1/images/generations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.fake.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'seedream-5-0-pro-260628', prompt: 'p', stream: true }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { param: 'stream' } });
  });
});

describe('4K results', () => {
  it.each([false, true])(
    'decodes a 4096x4096 base64 answer (streamed: %s) to the exact image',
    async (stream) => {
      api.fake.setScenario({ image: { format: 'jpeg', width: 4096, height: 4096 } });
      const outcome = await runGeneration(
        engineOptions(api, [], {
          request: request({ size: '4K', responseFormat: 'b64_json', stream }),
        }),
      );
      const [slot] = outcome.images;
      expect(slot && 'image' in slot ? slot.image : undefined).toMatchObject({ width: 4096, height: 4096 });
      expect(slot && 'image' in slot ? slot.image.bytes : 0).toBeGreaterThan(3_000_000);
      expect(api.fake.stats.generatedSha256).toEqual([slot && 'image' in slot ? slot.image.sha256 : '']);
    },
  );
});
