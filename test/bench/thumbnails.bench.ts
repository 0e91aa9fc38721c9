import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { libraryPaths } from '../../src-main/library/paths';
import { makeThumbnails } from '../../src-main/library/thumbnails';
import { noiseImage } from '../fake-cometapi/noise-images';

/**
 * Thumbnails of 4K JPEGs per second, one at a time and two at a time (the app's queue), with the image build
 * the app uses today (sharp's native libvips). They are made after an image is saved, never before.
 */
const count = 8;

export async function runThumbnailBench(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'seedream-bench-thumbs-'));
  try {
    const paths = libraryPaths(dir);
    await mkdir(paths.tmp, { recursive: true });
    const sources: { file: string; sha256: string }[] = [];
    for (let index = 0; index < count; index += 1) {
      const bytes = Buffer.concat(
        (await noiseImage({ format: 'jpeg', width: 4096, height: 4096 }, `thumb-${index}`)).parts,
      );
      const file = join(dir, `source-${index}.jpeg`);
      await writeFile(file, bytes);
      sources.push({ file, sha256: createHash('sha256').update(bytes).digest('hex') });
    }
    console.log('Thumbnails (256 and 1024 px WebP) of 4096x4096 JPEGs, sharp native; on a shared machine:');
    for (const concurrency of [1, 2]) {
      const started = performance.now();
      let next = 0;
      const worker = async () => {
        while (next < sources.length) {
          const source = sources[next];
          next += 1;
          if (source) await makeThumbnails(paths, source.file, source.sha256, paths.tmp, { overwrite: true });
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      const seconds = (performance.now() - started) / 1000;
      console.log(`  ${concurrency} at a time: ${(count / seconds).toFixed(2)} images/s`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
