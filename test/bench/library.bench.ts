import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { ImageQuery } from '../../src-main/library/image-queries';
import { openLibrary, type Library } from '../../src-main/library/library';
import { listCountLimit } from '../../src-main/app/library-changes';
import { sha256File } from '../support/sha256-file';
import { nativeCodec } from '../support/codecs';
import {
  benchLibrary,
  benchModels,
  catalogBytes,
  copyBenchLibrary,
  rareModel,
  seedingProgress,
} from './bench-library';

/**
 * The library at a million images (the benches' catalog, see bench-library.ts): latency of the pages the app
 * asks for (newest first, filtered, prompt search in English and Chinese) and of the totals that come with a
 * first page, ingest throughput for 2048x2048 PNGs (hashing, fsync, both thumbnails, commit), and the bytes the
 * catalog and thumbnails cost per image. Target: every page and every first-page total p95 under 5 ms.
 */

const imageCount = Number(process.env.LIBRARY_BENCH_IMAGES ?? 1_000_000);
const pageSize = 200;
const warmup = 20;
const samples = 300;
const targetP95Ms = 5;
const ingestImages = 16;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

interface Case {
  name: string;
  query: ImageQuery;
  /** What is timed: a page of the query by default. */
  run?: (library: Library, query: ImageQuery) => number;
}

const page = (library: Library, query: ImageQuery) => library.images.list(query).items.length;

interface Timing {
  /** Wall-clock milliseconds of each run. */
  wall: number[];
  /** CPU milliseconds of each run: the library's own cost, without time the OS gave to other processes. */
  cpu: number[];
  rows: number;
}

/**
 * Runs every case in turns (a slice of samples each, round after round), so a burst of load from elsewhere on
 * the machine lands on all cases alike instead of spoiling one.
 */
function measureAll(library: Library, cases: readonly Case[], rounds: number): Timing[] {
  const timings: Timing[] = cases.map(() => ({ wall: [], cpu: [], rows: 0 }));
  for (const { query, run = page } of cases)
    for (let index = 0; index < warmup; index += 1) run(library, query);
  for (let round = 0; round < rounds; round += 1) {
    cases.forEach(({ query, run = page }, index) => {
      const timing = timings[index];
      if (!timing) return;
      for (let sample = 0; sample < samples / rounds; sample += 1) {
        const cpuStarted = process.cpuUsage();
        const started = performance.now();
        timing.rows = run(library, query);
        timing.wall.push(performance.now() - started);
        const cpu = process.cpuUsage(cpuStarted);
        timing.cpu.push((cpu.user + cpu.system) / 1000);
      }
    });
  }
  return timings;
}

function cursorAfter(library: Library, query: ImageQuery, pages: number): string | null {
  let cursor: string | null = null;
  for (let page = 0; page < pages; page += 1) cursor = library.images.list({ ...query, cursor }).nextCursor;
  return cursor;
}

/**
 * Photo-like 2048x2048 PNGs, different each time: smooth shapes with fine grain, so the PNG weighs what a
 * generated picture weighs and the thumbnails compress like a photo, not like flat colour or pure static.
 */
async function samplePng(): Promise<Buffer> {
  const side = 2048;
  const smooth = await sharp(randomBytes(64 * 64 * 3), { raw: { width: 64, height: 64, channels: 3 } })
    .resize(side, side, { kernel: 'cubic' })
    .raw()
    .toBuffer();
  const grain = randomBytes(smooth.length);
  for (let index = 0; index < smooth.length; index += 1) {
    smooth[index] = Math.min(255, Math.max(0, (smooth[index] ?? 0) + ((grain[index] ?? 0) >> 4) - 8));
  }
  return sharp(smooth, { raw: { width: side, height: side, channels: 3 } })
    .png()
    .toBuffer();
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

async function ingestBench(concurrency: number) {
  const dir = await mkdtemp(path.join(tmpdir(), 'seedream-bench-ingest-'));
  const library = await openLibrary({ dir, codec: nativeCodec });
  try {
    const pngs = await Promise.all(Array.from({ length: ingestImages }, samplePng));
    const staged = await Promise.all(
      pngs.map(async (png, index) => {
        const tmpPath = path.join(library.context.tmpDir, `download-${index}.png`);
        await writeFile(tmpPath, png);
        return { tmpPath, bytes: png.length };
      }),
    );
    const generationId = library.generations.create({
      kind: 'api',
      prompt: 'ingest benchmark',
      model: benchModels[0] ?? '',
      params: {},
      requestedImages: ingestImages,
      referenceIds: [],
      ownerPid: process.pid,
    });
    const started = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < staged.length) {
        const position = next;
        next += 1;
        const file = staged[position];
        if (!file) return;
        const sha256 = await sha256File(file.tmpPath);
        await library.imageStore.store(
          { generationId, position },
          { tmpPath: file.tmpPath, sha256, bytes: file.bytes, format: 'png', width: 2048, height: 2048 },
        );
        // The app saves first and makes thumbnails in its queue soon after; both count as the image's cost.
        await library.thumbnails.ensure(sha256);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (performance.now() - started) / 1000;
    const averagePng = pngs.reduce((sum, png) => sum + png.length, 0) / pngs.length;
    const thumbnailBytes = await folderBytes(library.paths.thumbnails);
    return {
      perSecond: ingestImages / seconds,
      averagePng,
      thumbnailsPerImage: thumbnailBytes / ingestImages,
    };
  } finally {
    library.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const ms = (value: number) => value.toFixed(3).padStart(8);

/** What a first page costs main: the page, and the total that comes with it (counted up to the app's limit). */
const firstPage = (library: Library, query: ImageQuery) => {
  const { query: text, filter } = query;
  library.images.countUpTo({ query: text, filter }, listCountLimit);
  return library.images.list(query).items.length;
};

export async function runLibraryBench(): Promise<void> {
  const started = performance.now();
  const bench = await benchLibrary(imageCount, seedingProgress(imageCount));
  console.log(
    `Catalog of ${bench.images.toLocaleString('en-US')} images in ${bench.generations.toLocaleString('en-US')} ` +
      `generations ready in ${((performance.now() - started) / 1000).toFixed(1)} s (written once in ` +
      `${(bench.seedMs / 1000).toFixed(1)} s straight into SQLite, then cached in ${tmpdir()}).`,
  );
  const dir = await mkdtemp(path.join(tmpdir(), 'seedream-bench-library-'));
  await copyBenchLibrary(bench, dir);
  const library = await openLibrary({ dir, codec: nativeCodec });
  try {
    const bytesOnDisk = await catalogBytes(library.paths.root);
    const searchIndexBytes = (
      library.catalog.reader
        .prepare("SELECT sum(pgsize) AS bytes FROM dbstat WHERE name LIKE 'prompt_search%'")
        .get() as { bytes: number }
    ).bytes;

    const lastYear = Date.UTC(2024, 11, 1);
    const cases: Case[] = [
      { name: 'newest first, first page', query: {} },
      { name: 'newest first, page 50 (cursor)', query: { cursor: cursorAfter(library, {}, 50) } },
      { name: 'oldest first, first page', query: { sort: 'oldest' } },
      { name: 'filter: model (common)', query: { filter: { model: benchModels[0] } } },
      { name: 'filter: model (0.2%)', query: { filter: { model: rareModel } } },
      { name: 'filter: favorites (5%)', query: { filter: { favorite: true } } },
      { name: 'filter: tag (10%)', query: { filter: { tagId: bench.tagId } } },
      { name: 'filter: tag (0.1%)', query: { filter: { tagId: bench.rareTagId } } },
      { name: 'filter: collection (2%)', query: { filter: { collectionId: bench.collectionId } } },
      { name: 'filter: has references', query: { filter: { hasReferences: true } } },
      {
        name: 'filter: one month, a year ago',
        query: { filter: { from: lastYear, to: lastYear + 30 * 86_400_000 } },
      },
      { name: 'filter: 4K only (5%)', query: { filter: { minPixels: 4096 * 4096 } } },
      { name: 'filter: model + favorites', query: { filter: { model: benchModels[1], favorite: true } } },
      { name: 'search: "light" (half the library)', query: { query: 'light' } },
      { name: 'search: "zebra" (rare word)', query: { query: 'zebra' } },
      { name: 'search: "portrait city" (2 words)', query: { query: 'portrait city' } },
      { name: 'search: 的 (1 CJK char, ~half)', query: { query: '的' } },
      { name: 'search: 猫 (1 CJK char)', query: { query: '猫' } },
      { name: 'search: 城市 (2 CJK chars)', query: { query: '城市' } },
      { name: 'search: 貔貅 (2 CJK chars, rare)', query: { query: '貔貅' } },
      { name: 'search: 赛博朋克 (4 CJK chars)', query: { query: '赛博朋克' } },
      { name: 'search: 麋鹿 (2 chars each in half, together rare)', query: { query: '麋鹿' } },
      { name: 'search: 麋鹿麋 (3 chars, no match)', query: { query: '麋鹿麋' } },
      { name: 'search: "light" + favorites', query: { query: 'light', filter: { favorite: true } } },
      { name: 'first page + total: whole library', query: {}, run: firstPage },
      { name: 'first page + total: trash', query: { filter: { trashed: true } }, run: firstPage },
      { name: 'first page + total: favorites', query: { filter: { favorite: true } }, run: firstPage },
      { name: 'first page + total: tag (10%)', query: { filter: { tagId: bench.tagId } }, run: firstPage },
      { name: 'first page + total: "light"', query: { query: 'light' }, run: firstPage },
      { name: 'first page + total: "a"', query: { query: 'a' }, run: firstPage },
      { name: 'first page + total: 的', query: { query: '的' }, run: firstPage },
      { name: 'first page + total: 城市', query: { query: '城市' }, run: firstPage },
      { name: 'first page + total: "zebra"', query: { query: 'zebra' }, run: firstPage },
      { name: 'sidebar: statistics', query: {}, run: (opened) => opened.summary.stats().images },
      { name: 'sidebar: tags', query: {}, run: (opened) => opened.summary.tags().length },
      { name: 'sidebar: models', query: {}, run: (opened) => opened.images.models().length },
    ];
    const load = loadavg()[0] ?? 0;
    console.log(
      `\nPages of ${pageSize}, ${samples} runs each after ${warmup} warm-up runs, cases taken in turns ` +
        `(milliseconds; load average ${load.toFixed(1)} on ${availableParallelism()} cores at the start; totals are ` +
        `counted up to ${listCountLimit.toLocaleString('en-US')}, as the app asks):`,
    );
    console.log(
      `${'query'.padEnd(48)} ${'rows'.padStart(5)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'cpu p95'.padStart(8)} ` +
        `${'p95/target'.padStart(10)}  verdict (target p95 < ${targetP95Ms} ms)`,
    );
    let wallMet = true;
    let cpuMet = true;
    const timings = measureAll(
      library,
      cases.map((item) => ({ ...item, query: { limit: pageSize, ...item.query } })),
      10,
    );
    for (const [index, { name }] of cases.entries()) {
      const timing = timings[index];
      if (!timing) continue;
      const wall = [...timing.wall].sort((a, b) => a - b);
      const cpu = [...timing.cpu].sort((a, b) => a - b);
      const p95 = percentile(wall, 0.95);
      const cpuP95 = percentile(cpu, 0.95);
      wallMet &&= p95 < targetP95Ms;
      cpuMet &&= cpuP95 < targetP95Ms;
      const verdict = p95 < targetP95Ms ? 'ok' : cpuP95 < targetP95Ms ? 'wall missed (load)' : 'MISSED';
      console.log(
        `${name.padEnd(48)} ${String(timing.rows).padStart(5)} ${ms(percentile(wall, 0.5))} ${ms(p95)} ${ms(cpuP95)} ` +
          `${(p95 / targetP95Ms).toFixed(2).padStart(10)}  ${verdict}`,
      );
    }
    console.log(
      `Every page and total p95 < ${targetP95Ms} ms: wall clock ${wallMet ? 'yes' : 'NO'}, CPU time ${cpuMet ? 'yes' : 'NO'}` +
        (wallMet ? '' : ' (a wall-clock miss with CPU time met is time the OS gave to other processes)'),
    );

    for (const [name, query] of [
      ['all images', {}],
      ['search "light"', { query: 'light' }],
      ['search 的', { query: '的' }],
    ] as const) {
      const started = performance.now();
      const total = library.images.count(query);
      console.log(
        `exact count(${name}) = ${total.toLocaleString('en-US')} in ${(performance.now() - started).toFixed(1)} ms ` +
          '(the whole library is a kept total; a search visits every match, which is why the app stops at the limit)',
      );
    }

    console.log(
      `\nCatalog on disk: ${(bytesOnDisk / 1e6).toFixed(1)} MB, ${Math.round(bytesOnDisk / bench.images)} bytes per ` +
        `image (of which the prompt search index ${Math.round(searchIndexBytes / bench.images)}).`,
    );
    for (const concurrency of [1, 4]) {
      const ingest = await ingestBench(concurrency);
      console.log(
        `Ingest of ${ingestImages} 2048x2048 PNGs (${(ingest.averagePng / 1e6).toFixed(1)} MB each; sha-256, fsync, ` +
          `256+1024 px WebP thumbnails, commit), ${concurrency} at a time: ${ingest.perSecond.toFixed(1)} images/s; ` +
          `thumbnails ${Math.round(ingest.thumbnailsPerImage / 1024)} KB per image.`,
      );
    }
  } finally {
    library.close();
    await rm(dir, { recursive: true, force: true });
  }
}
