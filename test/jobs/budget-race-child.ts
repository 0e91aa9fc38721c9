/**
 * Run as a child process by budget-race.test.ts: opens the library in the given folder (a connection of its
 * own, as the app and the command line each have), prints `ready` once its key is asked for, and goes on only
 * when the parent writes `go`, so two children reach the budget check together. Prints what happened as JSON.
 * Arguments: library folder, API base URL, API key, daily budget in micros.
 */
import { createInterface } from 'node:readline';
import { AppFailure } from '../../src-preload/contract/errors';
import { generationRequestSchema } from '../../src-preload/contract/generation';
import { createGenerationJobs } from '../../src-main/jobs/generation-jobs';
import { openLibrary } from '../../src-main/library/library';
import { silentLogger } from '../../src-main/logging/logger';
import { nativeCodec } from '../support/codecs';
import { testHttpClient } from '../support/http-client';

const [dir, baseUrl, apiKey, budget] = process.argv.slice(2);
if (dir === undefined || baseUrl === undefined || apiKey === undefined || budget === undefined) {
  throw new Error('usage: budget-race-child DIR BASE_URL KEY DAILY_BUDGET_MICROS');
}

const lines = createInterface({ input: process.stdin });
const go = new Promise<void>((resolve) => {
  lines.on('line', (line) => {
    if (line === 'go') resolve();
  });
});

const library = await openLibrary({ dir, codec: nativeCodec });
const http = testHttpClient();
const jobs = createGenerationJobs(library, {
  http,
  connection: async () => {
    process.stdout.write('ready\n');
    await go;
    return { baseUrl, apiKey };
  },
  budgets: () => ({ dailyBudgetMicros: Number(budget), monthlyBudgetMicros: null }),
  timeZone: 'UTC',
  log: silentLogger,
});

const request = generationRequestSchema.parse({
  model: 'doubao-seedream-4-5-251128',
  prompt: `budget race ${process.pid}`,
});
try {
  const started = await jobs.start(request, []);
  const done = await jobs.finished(started.jobId);
  process.stdout.write(`${JSON.stringify({ outcome: 'sent', phase: done.phase })}\n`);
} catch (error) {
  if (!(error instanceof AppFailure)) throw error;
  process.stdout.write(`${JSON.stringify({ outcome: 'refused', ...error.appError })}\n`);
} finally {
  lines.close();
  await http.close();
  library.close();
}
