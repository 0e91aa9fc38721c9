import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { buildCliBundle } from '../../scripts/cli-bundle';
import { startFakeCometApi, type FakeScenario } from '../fake-cometapi/fake-cometapi';
import { noiseImage, type FakeImageSpec } from '../fake-cometapi/noise-images';

/**
 * Ingesting 15 images of 4096x4096 (realistic noise, about 5 MB each) from the fake CometAPI. Each contender
 * runs in a child process; rounds are interleaved; the figures are medians of wall and CPU time and the highest
 * peak RSS.
 *
 * The realistic case paces each download's connection at 8 MB/s, as a CDN serves one client connection, for
 * the engine, parallel curl (`--parallel --parallel-immediate`) and the command line end to end. Over
 * unthrottled loopback every contender is bound by CPU (the fake shares the machine): printed for reference.
 * Base64 mode compares peak memory with the official `openai` client. Every contender writes each file to
 * disk; the engine also hashes and verifies them; none makes thumbnails.
 */
const image: FakeImageSpec = { format: 'jpeg', width: 4096, height: 4096 };
const rounds = 9;
const perConnection = 8_000_000;

type Link = 'loopback' | '8 MB/s per connection';

const cases = [
  { name: 'engine-url', link: '8 MB/s per connection' },
  { name: 'curl-url', link: '8 MB/s per connection' },
  { name: 'cli-url', link: '8 MB/s per connection' },
  { name: 'engine-url', link: 'loopback' },
  { name: 'curl-url', link: 'loopback' },
  { name: 'engine-b64', link: 'loopback' },
  { name: 'openai-b64', link: 'loopback' },
] as const satisfies readonly { name: string; link: Link }[];
type Case = (typeof cases)[number];

const resultSchema = z.object({
  wallMs: z.number(),
  peakRssMb: z.number(),
  cpuMs: z.number(),
  images: z.number(),
  bytes: z.number(),
});
type Result = z.infer<typeof resultSchema>;

const run = promisify(execFile);
const contenderScript = join(import.meta.dirname, 'generation-contender.ts');

async function runCase(entry: Case, baseUrl: string, apiKey: string, bundle: string): Promise<Result> {
  const dir = await mkdtemp(join(tmpdir(), `seedream-bench-${entry.name}-`));
  try {
    const args = ['--import', 'tsx', contenderScript, entry.name, baseUrl, apiKey, dir, bundle];
    const { stdout } = await run(process.execPath, args, { maxBuffer: 1024 * 1024 });
    const result = resultSchema.parse(JSON.parse(stdout.trim().split('\n').pop() ?? ''));
    if (result.images !== 15) throw new Error(`${entry.name} saved ${result.images} images instead of 15`);
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function row(cells: string[]): string {
  return cells
    .map((cell, index) => (index === 0 ? cell.padEnd(12) : index === 1 ? cell.padEnd(22) : cell.padStart(12)))
    .join(' ');
}

function verdict(ratio: number, target: number): string {
  return `${ratio.toFixed(2)}x (target <= ${target.toFixed(2)}x: ${ratio <= target ? 'met' : 'MISSED'})`;
}

export async function runGenerationBench(): Promise<void> {
  const baseScenario: FakeScenario = { image, count: 15, plainLinks: true };
  const fake = await startFakeCometApi({ scenario: baseScenario, recordHashes: false });
  // Inside the project, so the bundle finds its external modules in node_modules, as dist/cli does.
  const cache = join(import.meta.dirname, '..', '..', '.cache');
  await mkdir(cache, { recursive: true });
  const bundleDir = await mkdtemp(join(cache, 'bench-cli-'));
  const bundle = join(bundleDir, 'seedream.mjs');
  try {
    await buildCliBundle(bundle);
    await noiseImage(image, 'warm-up');
    const runs = cases.map(() => [] as Result[]);
    for (let round = 0; round < rounds; round += 1) {
      for (const [index, entry] of cases.entries()) {
        fake.setScenario(
          entry.link === 'loopback'
            ? baseScenario
            : { ...baseScenario, connectionBytesPerSecond: perConnection },
        );
        runs[index]?.push(await runCase(entry, fake.baseUrl, fake.apiKey, bundle));
      }
    }
    const figures = cases.map((entry, index) => {
      const results = runs[index] ?? [];
      const megabytes = (results[0]?.bytes ?? 0) / 1e6;
      const cpuMs = median(results.map((result) => result.cpuMs));
      return {
        ...entry,
        wallMs: median(results.map((result) => result.wallMs)),
        cpuMs,
        cpuPer100Mb: (cpuMs / megabytes) * 100,
        peakRssMb: Math.max(...results.map((result) => result.peakRssMb)),
        megabytes,
      };
    });
    const find = (name: Case['name'], link: Link) =>
      figures.find((figure) => figure.name === name && figure.link === link);
    const ratio = (a: number | undefined, b: number | undefined) => (a ?? Number.NaN) / (b ?? Number.NaN);
    const paced: Link = '8 MB/s per connection';

    console.log(
      `15 images of 4096x4096 JPEG noise, ${(figures[0]?.megabytes ?? 0).toFixed(1)} MB in all; medians of ` +
        `${rounds} interleaved rounds, highest peak RSS (curl and the command line: their own processes). ` +
        'Taken on a shared machine: other work running at the same time moves these figures.',
    );
    console.log(row(['contender', 'link', 'wall ms', 'CPU ms', 'CPU s/100MB', 'peak RSS MB']));
    for (const figure of figures) {
      console.log(
        row([
          figure.name,
          figure.link,
          figure.wallMs.toFixed(0),
          figure.cpuMs.toFixed(0),
          (figure.cpuPer100Mb / 1000).toFixed(2),
          figure.peakRssMb.toFixed(0),
        ]),
      );
    }
    console.log(
      `URL mode wall time, engine / parallel curl, 8 MB/s per connection: ${verdict(
        ratio(find('engine-url', paced)?.wallMs, find('curl-url', paced)?.wallMs),
        1.05,
      )}`,
    );
    const cpuPer100Mb = (find('engine-url', paced)?.cpuPer100Mb ?? Number.NaN) / 1000;
    console.log(
      `URL mode CPU per 100 MB ingested (engine, no thumbnails): ${cpuPer100Mb.toFixed(2)} s ` +
        `(target <= 1 s: ${cpuPer100Mb <= 1 ? 'met' : 'MISSED'}); parallel curl ` +
        `${((find('curl-url', paced)?.cpuPer100Mb ?? Number.NaN) / 1000).toFixed(2)} s`,
    );
    console.log(
      `URL mode at loopback (CPU-bound, for reference): engine / parallel curl wall ` +
        `${ratio(find('engine-url', 'loopback')?.wallMs, find('curl-url', 'loopback')?.wallMs).toFixed(2)}x, CPU ` +
        `${ratio(find('engine-url', 'loopback')?.cpuMs, find('curl-url', 'loopback')?.cpuMs).toFixed(2)}x`,
    );
    console.log(
      `Command line end to end (its bundle in plain Node), URL mode, 8 MB/s per connection, wall / parallel curl: ${verdict(
        ratio(find('cli-url', paced)?.wallMs, find('curl-url', paced)?.wallMs),
        2.5,
      )}`,
    );
    const memory = ratio(
      find('engine-b64', 'loopback')?.peakRssMb,
      find('openai-b64', 'loopback')?.peakRssMb,
    );
    console.log(`base64 mode peak memory, engine / openai: ${verdict(memory, 0.5)}`);
    const b64Wall = ratio(find('engine-b64', 'loopback')?.wallMs, find('openai-b64', 'loopback')?.wallMs);
    console.log(`base64 mode wall time, engine / openai: ${b64Wall.toFixed(2)}x`);
  } finally {
    await fake.stop();
    await rm(bundleDir, { recursive: true, force: true });
  }
}
