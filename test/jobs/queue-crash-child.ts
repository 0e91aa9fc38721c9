/**
 * Run as a child process by queue-crash.test.ts and killed with SIGKILL at random moments: runs the library's
 * batch queue against the fake CometAPI, recovering first as the app does at start. Exits by itself once the
 * queue has nothing left to run. Arguments: library folder, API base URL, API key.
 */
import { createGenerationJobs } from '../../src-main/jobs/generation-jobs';
import { createQueueRunner } from '../../src-main/jobs/queue-runner';
import { createRequestPacer } from '../../src-main/jobs/request-pacer';
import { startLibrary } from '../../src-main/jobs/start-library';
import { openLibrary } from '../../src-main/library/library';
import { silentLogger } from '../../src-main/logging/logger';
import { nativeCodec } from '../support/codecs';
import { testHttpClient } from '../support/http-client';

const [dir, baseUrl, apiKey] = process.argv.slice(2);
if (dir === undefined || baseUrl === undefined || apiKey === undefined) {
  throw new Error('usage: queue-crash-child DIR BASE_URL KEY');
}

const http = testHttpClient();
const library = await openLibrary({ dir, codec: nativeCodec });
const jobs = createGenerationJobs(library, {
  http,
  connection: () => Promise.resolve({ baseUrl, apiKey }),
  log: silentLogger,
});
const runner = createQueueRunner({
  library,
  jobs,
  pacer: createRequestPacer({ limit: () => 1000 }),
  concurrency: () => 2,
  recoverLibrary: () => startLibrary(library, { http }),
  log: silentLogger,
});
runner.subscribe((event) => {
  if (event.type !== 'drained') return;
  library.close();
  process.stdout.write('drained\n');
  process.exit(0);
});
process.stdout.write('ready\n');
await runner.start();
if (library.queue.openCount() === 0) {
  process.stdout.write('drained\n');
  process.exit(0);
}
