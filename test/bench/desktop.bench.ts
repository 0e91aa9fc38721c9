import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { makeThumbnails } from '../../src-main/library/thumbnails';
import { libraryPaths } from '../../src-main/library/paths';
import { loadImageCodec, type CodecBuild, type ImageCodec } from '../../src-main/media/image-codec';
import { buildCliBundle } from '../../scripts/cli-bundle';

const images = 12;
const side = 2048;

/** A 2048 px picture with smooth colour and grain, so decoding and WebP encoding cost what a result costs. */
async function samplePng(codec: ImageCodec): Promise<Buffer> {
  const smooth = await codec
    .sharp(randomBytes(64 * 64 * 3), { raw: { width: 64, height: 64, channels: 3 } })
    .resize(side, side, { kernel: 'cubic' })
    .png({ compressionLevel: 6 })
    .toBuffer();
  return smooth;
}

/**
 * Thumbnail throughput (both sizes, the app's settings) with each build of the codec, one image after
 * another as the app's background queue makes them. The WebAssembly build is what Electron uses on Linux.
 */
async function thumbnailsPerSecond(build: CodecBuild, sources: readonly string[]): Promise<number> {
  const codec = loadImageCodec(build);
  const dir = await mkdtemp(path.join(tmpdir(), `seedream-bench-thumbs-${build}-`));
  try {
    const paths = libraryPaths(dir);
    // One untimed image first: the WebAssembly build compiles its module and starts its threads on first use.
    await makeThumbnails(codec, paths, sources[0] ?? '', 'warmup', dir);
    const started = performance.now();
    for (const [index, source] of sources.entries()) {
      await makeThumbnails(codec, paths, source, `${index}`.padStart(64, '0'), dir, { overwrite: true });
    }
    return sources.length / ((performance.now() - started) / 1000);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function runThumbnailBench(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'seedream-bench-sources-'));
  try {
    const native = loadImageCodec('native');
    const sources = await Promise.all(
      Array.from({ length: images }, async (_, index) => {
        const file = path.join(dir, `${index}.png`);
        await writeFile(file, await samplePng(native));
        return file;
      }),
    );
    const results: Partial<Record<CodecBuild, number>> = {};
    for (const build of ['native', 'wasm'] as const) {
      results[build] = await thumbnailsPerSecond(build, sources);
      console.log(
        `thumbnails (256 + 1024 px WebP from ${side} px PNG), ${build.padEnd(6)}: ${(results[build] ?? 0).toFixed(1)} images/s`,
      );
    }
    const ratio = (results.native ?? 0) / (results.wasm ?? 1);
    console.log(
      `WebAssembly build (Electron on Linux) takes ${ratio.toFixed(1)}x the native build's time; the app makes thumbnails in a background queue.`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const cliHelpTargetSeconds = 0.25;

/** Wall time of `node dist/cli/seedream.mjs --help`, start to exit, as a terminal user waits for it. */
export async function runCliStartBench(): Promise<void> {
  const root = path.resolve(import.meta.dirname, '../..');
  const dir = await mkdtemp(path.join(root, '.cache', 'bench-cli-'));
  try {
    const bundle = path.join(dir, 'seedream.mjs');
    await buildCliBundle(bundle);
    const times: number[] = [];
    for (let round = 0; round < 11; round += 1) {
      const started = performance.now();
      await promisify(execFile)(process.execPath, [bundle, '--help']);
      times.push((performance.now() - started) / 1000);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? 0;
    console.log(
      `CLI --help in plain Node (bundle), median of 11: ${median.toFixed(3)} s (target <= ${cliHelpTargetSeconds} s: ${median <= cliHelpTargetSeconds ? 'met' : 'MISSED'})`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
