import { spawn } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../src-main/library/library';
import { useFakeCometApi } from '../support/fake-cometapi-server';
import { tempDir } from '../library/fixtures';
import { startLibrary } from '../../src-main/jobs/start-library';
import { expectIngestionKept } from '../jobs/ingestion-invariants';
import { seededRandom } from '../support/seeded-random';
import { nativeCodec } from '../support/codecs';
import { useHttpClient } from '../support/http-client';
import { cliBundle } from './run-cli-process';

const client = useHttpClient();
const root = path.resolve(import.meta.dirname, '../..');
const kills = 20;

// Slow links and a short wait before each answer keep every phase of ingestion long enough to be hit (saving
// no longer waits for thumbnails, so the link is what keeps the last images in flight).
const api = useFakeCometApi({
  scenario: { delayMs: 40, image: { width: 256, height: 192 }, linkBytesPerSecond: 400_000 },
  freshEachTest: false,
});
let cliFile: string;

beforeAll(async () => {
  // The command line as it ships (the bundle plain Node starts), built once for this file.
  cliFile = await cliBundle();
});

/** Where in a run the kill lands: after this line appears on standard error, plus a random delay. */
const moments = [
  '',
  'Sending the request',
  'Generating',
  'Saving the images',
  'Image 1 saved',
  'Image 2 saved',
];

/** Runs `generate` and SIGKILLs it at the chosen moment; resolves once it is gone. */
function generateAndKill(dir: string, round: number, moment: string, delayMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const args = [
      cliFile,
      'generate',
      '--prompt',
      `kill round ${round} 断电测试`,
      '--max-images',
      String(3 + (round % 4)),
      ...(round % 3 === 1 ? ['--stream'] : []),
      '--base-url',
      api.fake.baseUrl,
      '--library',
      dir,
    ];
    const proc = spawn(process.execPath, args, {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: dir, COMETAPI_KEY: api.fake.apiKey },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      timer ??= setTimeout(() => proc.kill('SIGKILL'), delayMs);
    };
    if (moment === '') arm();
    proc.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
      if (errors.includes(moment)) arm();
    });
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      // A run that finished before the kill is fine too: it is still a full check of what it left.
      if (signal === 'SIGKILL' || code === 0) resolve(signal ?? `exit ${String(code)}`);
      else reject(new Error(`generate failed on its own (${String(code)}): ${errors}`));
    });
  });
}

/** Nothing lost, nothing half-visible: the promises of ingestion after a kill and the app's start-up. */
async function checkLibrary(library: Library, context: string): Promise<void> {
  await expectIngestionKept(library, context);
  const db = library.catalog.reader;
  const generated = new Set(api.fake.stats.generatedSha256);
  for (const { id, sha256 } of db.prepare('SELECT id, sha256 FROM images').all() as {
    id: number;
    sha256: string;
  }[]) {
    expect(generated.has(sha256), `${context}: image ${id} is one the service made`).toBe(true);
  }
  // Every link recorded before the kill was still valid, so every one of them was saved.
  const unsaved = db
    .prepare("SELECT count(*) AS n FROM result_slots WHERE url IS NOT NULL AND state <> 'saved'")
    .get() as { n: number };
  expect(unsaved.n, `${context}: no recorded image lost`).toBe(0);
  const report = await library.check(true);
  expect([report.missingFiles, report.wrongHashes, report.orphanFiles, report.catalog], context).toEqual([
    0,
    0,
    0,
    'ok',
  ]);
}

describe('the command line killed during ingestion', () => {
  it(
    `keeps every promise across ${kills} SIGKILLs, and the restart never posts again`,
    { timeout: 180_000 },
    async () => {
      const dir = await tempDir();
      const seed = Date.now() % 1_000_000;
      const next = seededRandom(seed);
      let launches = 0;
      let resumed = 0;
      const outcomes = new Map<string, number>();
      for (let round = 0; round < kills; round += 1) {
        const moment = moments[round % moments.length] ?? '';
        const delayMs = Math.floor(next() * 120);
        const context = `seed ${seed}, round ${round}, kill ${delayMs} ms after "${moment}"`;
        const ended = await generateAndKill(dir, round, moment, delayMs);
        launches += 1;
        outcomes.set(ended, (outcomes.get(ended) ?? 0) + 1);
        const postsBefore = api.fake.stats.generationPosts;
        expect(postsBefore, `${context}: one POST per launch at most`).toBeLessThanOrEqual(launches);

        // What the app does at its next start: clear, resume the downloads of recorded links, check.
        const library = await openLibrary({ dir, codec: nativeCodec });
        try {
          const { recovery } = await startLibrary(library, { http: client.http });
          resumed += recovery.saved;
          expect(api.fake.stats.generationPosts, `${context}: resuming sent no generation again`).toBe(
            postsBefore,
          );
          await checkLibrary(library, context);
        } finally {
          library.close();
        }
      }
      expect(outcomes.get('SIGKILL') ?? 0, 'most runs were killed, not finished').toBeGreaterThanOrEqual(
        kills - 2,
      );
      expect(resumed, 'some kills left recorded links, which the restart saved').toBeGreaterThan(0);
    },
  );
});
