import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generationRequestSchema } from '../../src-preload/contract/generation';
import { openLibrary } from '../../src-main/library/library';
import { useFakeCometApi } from '../support/fake-cometapi-server';
import { tempDir } from '../library/fixtures';
import { nativeCodec } from '../support/codecs';
import { seededRandom } from '../support/seeded-random';
import { runAndKill } from './kill-child';

const child = path.join(import.meta.dirname, 'queue-crash-child.ts');
const api = useFakeCometApi();
const items = 12;

describe('the batch queue across SIGKILL', () => {
  it(
    'sends every item at most once and finishes the queue after kills at random moments',
    { timeout: 240_000 },
    async () => {
      const dir = await tempDir();
      const seed = Date.now() % 1_000_000;
      const next = seededRandom(seed);
      // Each answer takes a while, so kills land before, during and after requests.
      api.fake.setScenario({ delayMs: 400 });
      const setup = await openLibrary({ dir, codec: nativeCodec });
      const prompts = Array.from({ length: items }, (_, index) => `queued ${index} 队列`);
      setup.queue.add(
        prompts.map((prompt) => ({
          request: generationRequestSchema.parse({ model: 'doubao-seedream-4-5-251128', prompt }),
          referenceIds: [],
        })),
        'crash-test',
      );
      setup.close();

      // Each kill can leave at most two items (those in flight) unknown, so four kills leave some to finish.
      const args = [dir, api.fake.baseUrl, api.fake.apiKey];
      let kills = 0;
      for (let round = 0; round < 4; round += 1) {
        const { killed } = await runAndKill(child, args, 100 + Math.floor(next() * 600), true);
        if (!killed) break;
        kills += 1;
      }
      // Then one run left alone until the queue is dry.
      const last = await runAndKill(child, args, 10 * 60_000, true);
      expect(last).toMatchObject({ killed: false, output: expect.stringContaining('drained') as string });
      const library = await openLibrary({ dir, codec: nativeCodec });
      try {
        const context = `seed ${seed}, ${kills} kills`;
        const queued = library.queue.list();
        expect(
          queued.filter((item) => item.state === 'waiting' || item.state === 'running'),
          context,
        ).toEqual([]);
        const posts = new Map<string, number>();
        for (const body of api.fake.stats.bodies) {
          posts.set(String(body.prompt), (posts.get(String(body.prompt)) ?? 0) + 1);
        }
        for (const item of queued) {
          const prompt = item.request?.prompt ?? '';
          const sent = posts.get(prompt) ?? 0;
          if (item.state === 'done') {
            expect(sent, `${context}: ${prompt} done`).toBe(1);
            expect(item.saved, `${context}: ${prompt} saved`).toBe(1);
          } else {
            // Killed between its record and the end of its answer: never sent again by itself.
            expect(item.state, `${context}: ${prompt}`).toBe('unknown');
            expect(sent, `${context}: ${prompt} unknown`).toBeLessThanOrEqual(1);
          }
        }
        expect(api.fake.stats.generationPosts, context).toBe([...posts.values()].reduce((a, b) => a + b, 0));
        expect(kills, context).toBeGreaterThan(0);
        expect(queued.filter((item) => item.state === 'done').length, context).toBeGreaterThan(0);
      } finally {
        library.close();
      }
    },
  );
});
