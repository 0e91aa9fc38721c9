/**
 * Run as a child process by crash.test.ts and killed with SIGKILL at a random moment: generates, imports and
 * empties the trash in a loop against the fake CometAPI, so kills land in every phase of ingestion.
 * Arguments: library folder, API base URL, API key.
 */
import sharp from 'sharp';
import { generationRequestSchema } from '../../src-preload/contract/generation';
import { createGenerationJobs } from '../../src-main/jobs/generation-jobs';
import { openLibrary } from '../../src-main/library/library';
import { silentLogger } from '../../src-main/logging/logger';
import { nativeCodec } from '../support/codecs';
import { testHttpClient } from '../support/http-client';

const [dir, baseUrl, apiKey] = process.argv.slice(2);
if (dir === undefined || baseUrl === undefined || apiKey === undefined) {
  throw new Error('usage: crash-child DIR BASE_URL KEY');
}

const library = await openLibrary({ dir, codec: nativeCodec });
const jobs = createGenerationJobs(library, {
  http: testHttpClient(),
  connection: () => Promise.resolve({ baseUrl, apiKey }),
  log: silentLogger,
});
process.stdout.write('ready\n');

for (let round = 0; ; round += 1) {
  const request = generationRequestSchema.parse({
    model: 'doubao-seedream-4-5-251128',
    prompt: `crash round ${round} 崩溃测试`,
    sequential: 'auto',
    maxImages: 1 + (round % 4),
    responseFormat: round % 3 === 2 ? 'b64_json' : 'url',
    stream: round % 2 === 1,
  });
  const started = await jobs.start(request, []);
  await jobs.finished(started.jobId);
  const bytes = await sharp({
    create: {
      width: 40,
      height: 30,
      channels: 3,
      background: { r: round % 256, g: 7, b: process.pid % 256 },
    },
  })
    .png()
    .toBuffer();
  await library.importFiles([{ name: `import-${round}.png`, bytes }]);
  if (round % 3 === 0) {
    const oldest = library.images.list({ sort: 'oldest', limit: 2 }).items.map((image) => image.id);
    library.operations.trash(oldest);
    library.operations.emptyTrash();
  }
  process.stdout.write(`round ${round}\n`);
}
