import { describe, expect, it } from 'vitest';
import { generationRequestSchema } from '../../src-preload/contract/generation';
import { createGenerationJobs } from '../../src-main/jobs/generation-jobs';
import type { Library } from '../../src-main/library/library';
import { silentLogger } from '../../src-main/logging/logger';
import { runCliProcess } from '../cli/run-cli-process';
import { useFakeCometApi } from '../support/fake-cometapi-server';
import { useHttpClient } from '../support/http-client';
import { tempDir, tempLibrary } from './fixtures';

const client = useHttpClient();

// Downloads share a slow link, so the 15 saves spread over about a second and a half of checks.
const api = useFakeCometApi({
  scenario: { image: { width: 640, height: 480 }, linkBytesPerSecond: 2_000_000 },
  freshEachTest: false,
});

interface CheckTally {
  checks: number;
  /** Every image any check reported or marked missing, for the failure message. */
  missing: string[];
}

/** Runs checks back to back (every fourth a full one) until `done` settles. */
async function checkUntil(library: Library, done: Promise<unknown>): Promise<CheckTally> {
  const saving = { done: false };
  void done.finally(() => (saving.done = true));
  const tally: CheckTally = { checks: 0, missing: [] };
  while (!saving.done) {
    const report = await library.check(tally.checks % 4 === 3);
    tally.checks += 1;
    tally.missing.push(...report.details.filter((line) => line.includes('is missing')));
    const marked = library.catalog.reader
      .prepare("SELECT id FROM images WHERE file_state = 'missing'")
      .all() as { id: number }[];
    tally.missing.push(...marked.map((row) => `image ${row.id} marked missing`));
  }
  return tally;
}

const fifteen = generationRequestSchema.parse({
  model: 'doubao-seedream-4-5-251128',
  prompt: 'fifteen frames',
  sequential: 'auto',
  maxImages: 15,
});

describe('the integrity check during saves', () => {
  it('never reports a missing file while this process saves a 15-image generation', async () => {
    const library = await tempLibrary();
    const jobs = createGenerationJobs(library, {
      http: client.http,
      connection: () => Promise.resolve({ baseUrl: api.fake.baseUrl, apiKey: api.fake.apiKey }),
      log: silentLogger,
    });
    const started = await jobs.start(fifteen, []);
    const tally = await checkUntil(library, jobs.finished(started.jobId));
    expect(tally.missing).toEqual([]);
    expect(tally.checks).toBeGreaterThan(10);
    expect(library.images.count({})).toBe(15);
    expect(await library.check(true)).toMatchObject({ missingFiles: 0, wrongHashes: 0, orphanFiles: 0 });
  });

  it('never reports a missing file while the command line saves a 15-image generation', async () => {
    const dir = await tempDir();
    const library = await tempLibrary({ dir });
    const cli = runCliProcess(
      [
        'generate',
        '--prompt',
        'fifteen frames',
        '--max-images',
        '15',
        '--base-url',
        api.fake.baseUrl,
        '--library',
        dir,
      ],
      { HOME: dir, COMETAPI_KEY: api.fake.apiKey },
    );
    const tally = await checkUntil(library, cli);
    expect((await cli).code).toBe(0);
    expect(tally.missing).toEqual([]);
    expect(tally.checks).toBeGreaterThan(10);
    expect(library.images.count({})).toBe(15);
  });
});
