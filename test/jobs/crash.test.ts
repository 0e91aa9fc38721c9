import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../src-main/library/library';
import { useFakeCometApi } from '../support/fake-cometapi-server';
import { startLibrary } from '../../src-main/jobs/start-library';
import { tempDir } from '../library/fixtures';
import { expectIngestionKept } from './ingestion-invariants';
import { useHttpClient } from '../support/http-client';
import { seededRandom } from '../support/seeded-random';
import { nativeCodec } from '../support/codecs';
import { runAndKill } from './kill-child';

const client = useHttpClient();
const child = path.join(import.meta.dirname, 'crash-child.ts');
const kills = 10;

const api = useFakeCometApi();

/** Starts the child and SIGKILLs it `delayMs` after it reports ready; resolves with how many rounds it finished. */
async function runAndKillRounds(dir: string, delayMs: number): Promise<number> {
  const { output } = await runAndKill(child, [dir, api.fake.baseUrl, api.fake.apiKey], delayMs);
  return (output.match(/^round \d+$/gm) ?? []).length;
}

/** The promises of durable ingestion after every kill and restart, and prompt search still matching. */
async function checkInvariants(library: Library, context: string): Promise<void> {
  await expectIngestionKept(library, context);
  const searchable = library.images.count({ query: '崩溃' });
  const prompted = library.catalog.reader
    .prepare(
      "SELECT count(*) AS n FROM images i JOIN generations g ON g.id = i.generation_id WHERE g.prompt LIKE '%崩溃%' AND i.trashed_at IS NULL",
    )
    .get() as { n: number };
  expect(searchable, `${context}: search index matches the images`).toBe(prompted.n);
}

describe('crash safety', () => {
  it(
    `keeps every promise of ingestion across ${kills} kills at random moments`,
    { timeout: 180_000 },
    async () => {
      const dir = await tempDir();
      const seed = Date.now() % 1_000_000;
      const next = seededRandom(seed);
      let rounds = 0;
      let recovered = 0;
      // A short wait before each answer keeps a generation in flight for much of the time, where kills matter most.
      api.fake.setScenario({ delayMs: 30 });
      for (let kill = 1; kill <= kills; kill += 1) {
        const delay = Math.floor(next() * 1_500);
        rounds += await runAndKillRounds(dir, delay);
        const library = await openLibrary({ dir, codec: nativeCodec });
        try {
          const context = `seed ${seed}, kill ${kill} after ${delay} ms`;
          const { recovery } = await startLibrary(library, { http: client.http });
          recovered += recovery.generations;
          await checkInvariants(library, context);
          const report = await library.check(true);
          expect([report.missingFiles, report.wrongHashes], context).toEqual([0, 0]);
        } finally {
          library.close();
        }
      }
      expect(rounds, 'the child got through whole rounds between kills').toBeGreaterThan(0);
      expect(recovered, 'some kills interrupted a generation, which the restart finished').toBeGreaterThan(0);
    },
  );
});
