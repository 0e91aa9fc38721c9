import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { startFakeCometApi, type FakeScenario } from '../fake-cometapi/fake-cometapi';
import { noiseImage, type FakeImageSpec } from '../fake-cometapi/noise-images';

/**
 * Ingesting 15 images of 4096x4096 (realistic noise, about 5 MB each) from the fake CometAPI, in URL and in
 * base64 mode, against the official `openai` client and parallel curl. Each contender runs in a child process;
 * rounds are interleaved and the figures are the median wall time and the highest peak RSS.
 *
 * URL mode runs twice: over loopback at full speed, where every contender is bound by CPU (the fake shares
 * the machine), and over a 1 Gbit/s link, the scale of a fast real connection and of the reference figures
 * in the issue (parallel curl 0.7 s). The fake serves from this process, apart from every contender, and
 * every contender writes each file to disk; only the engine also hashes and verifies them. The engine's
 * hashing thread is started before the clock, as the real API's answer time would have let it (see the
 * contender).
 */
const image: FakeImageSpec = { format: 'jpeg', width: 4096, height: 4096 };
const rounds = 11;
const gigabit = 125_000_000;

const cases = [
  { name: 'engine-url', contender: 'engine-url', link: 'loopback' },
  { name: 'curl-url', contender: 'curl-url', link: 'loopback' },
  { name: 'openai-url', contender: 'openai-url', link: 'loopback' },
  { name: 'engine-url', contender: 'engine-url', link: '1 Gbit/s' },
  { name: 'curl-url', contender: 'curl-url', link: '1 Gbit/s' },
  { name: 'openai-url', contender: 'openai-url', link: '1 Gbit/s' },
  { name: 'engine-b64', contender: 'engine-b64', link: 'loopback' },
  { name: 'openai-b64', contender: 'openai-b64', link: 'loopback' },
] as const;
type Case = (typeof cases)[number];

const resultSchema = z.object({
  wallMs: z.number(),
  peakRssMb: z.number(),
  images: z.number(),
  bytes: z.number(),
});
type Result = z.infer<typeof resultSchema>;

const run = promisify(execFile);
const contenderScript = join(import.meta.dirname, 'generation-contender.ts');

async function runCase(entry: Case, baseUrl: string, apiKey: string): Promise<Result> {
  const dir = await mkdtemp(join(tmpdir(), `seedream-bench-${entry.contender}-`));
  try {
    const args = ['--import', 'tsx', contenderScript, entry.contender, baseUrl, apiKey, dir];
    const { stdout } = await run(process.execPath, args, { maxBuffer: 1024 * 1024 });
    const result = resultSchema.parse(JSON.parse(stdout.trim().split('\n').pop() ?? ''));
    if (result.images !== 15)
      throw new Error(`${entry.contender} saved ${result.images} images instead of 15`);
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
  return cells.map((cell, index) => (index < 2 ? cell.padEnd(12) : cell.padStart(12))).join(' ');
}

function verdict(ratio: number, target: number): string {
  return `${ratio.toFixed(2)}x (target <= ${target.toFixed(2)}x: ${ratio <= target ? 'met' : 'MISSED'})`;
}

export async function runGenerationBench(): Promise<void> {
  const baseScenario: FakeScenario = { image, count: 15, plainLinks: true };
  const fake = await startFakeCometApi({ scenario: baseScenario, recordHashes: false });
  try {
    await noiseImage(image, 'warm-up');
    const runs = cases.map(() => [] as Result[]);
    for (let round = 0; round < rounds; round += 1) {
      for (const [index, entry] of cases.entries()) {
        fake.setScenario(
          entry.link === 'loopback' ? baseScenario : { ...baseScenario, linkBytesPerSecond: gigabit },
        );
        runs[index]?.push(await runCase(entry, fake.baseUrl, fake.apiKey));
      }
    }
    const figures = cases.map((entry, index) => {
      const results = runs[index] ?? [];
      return {
        ...entry,
        wallMs: median(results.map((result) => result.wallMs)),
        peakRssMb: Math.max(...results.map((result) => result.peakRssMb)),
        megabytes: (results[0]?.bytes ?? 0) / 1e6,
      };
    });
    const find = (name: Case['name'], link: Case['link']) =>
      figures.find((figure) => figure.name === name && figure.link === link);
    const ratio = (a: number | undefined, b: number | undefined) => (a ?? Number.NaN) / (b ?? Number.NaN);

    console.log(
      `15 images of 4096x4096 JPEG noise, ${(figures[0]?.megabytes ?? 0).toFixed(1)} MB in all; ` +
        `median wall time of ${rounds} interleaved rounds, highest peak RSS (curl: its own processes)`,
    );
    console.log(row(['contender', 'link', 'wall ms', 'peak RSS MB']));
    for (const figure of figures) {
      console.log(row([figure.name, figure.link, figure.wallMs.toFixed(0), figure.peakRssMb.toFixed(0)]));
    }
    const wallAt = (link: Case['link']) =>
      ratio(find('engine-url', link)?.wallMs, find('curl-url', link)?.wallMs);
    console.log(
      `URL mode wall time, engine / parallel curl, 1 Gbit/s link: ${verdict(wallAt('1 Gbit/s'), 1.1)}`,
    );
    console.log(
      `URL mode wall time, engine / parallel curl, loopback (CPU-bound): ${verdict(wallAt('loopback'), 1.1)}`,
    );
    const memory = ratio(
      find('engine-b64', 'loopback')?.peakRssMb,
      find('openai-b64', 'loopback')?.peakRssMb,
    );
    console.log(`base64 mode peak memory, engine / openai: ${verdict(memory, 0.5)}`);
    const urlMemory = ratio(
      find('engine-url', 'loopback')?.peakRssMb,
      find('openai-url', 'loopback')?.peakRssMb,
    );
    console.log(`URL mode peak memory, engine / openai: ${urlMemory.toFixed(2)}x`);
    const b64Wall = ratio(find('engine-b64', 'loopback')?.wallMs, find('openai-b64', 'loopback')?.wallMs);
    console.log(`base64 mode wall time, engine / openai: ${b64Wall.toFixed(2)}x`);
  } finally {
    await fake.stop();
  }
}
