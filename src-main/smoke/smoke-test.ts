import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openLibrary } from '../library/library';
import type { Logger } from '../logging/logger';
import type { ImageCodec } from '../media/image-codec';

export interface SmokeTestDeps {
  codec: ImageCodec;
  /** better-sqlite3's build for this runtime (Electron's in the packaged app). */
  nativeBinding?: string;
  /** Loads the keychain's native module (keytar). */
  loadKeychain(): Promise<void>;
  /** Loads the renderer in a hidden window and resolves at its first paint. */
  firstPaint(): Promise<void>;
  log: Logger;
  /** Where the throwaway library goes; the OS temp folder by default. */
  tmpRoot?: string;
}

export type SmokeTestResult = { ok: true; line: string } | { ok: false; line: string };

async function throwawayLibraryRoundTrip(
  codec: ImageCodec,
  nativeBinding: string | undefined,
  tmpRoot: string,
): Promise<string> {
  const dir = await mkdtemp(path.join(tmpRoot, 'seedream-smoke-'));
  try {
    // Opening creates and migrates a catalog: this loads better-sqlite3's build for this runtime.
    const library = await openLibrary({ dir, codec, nativeBinding });
    try {
      const png = await codec
        .sharp({ create: { width: 320, height: 200, channels: 3, background: '#5a4fcf' } })
        .png()
        .toBuffer();
      const [outcome] = await library.importFiles([{ name: 'smoke.png', bytes: png }]);
      if (!outcome?.image) throw new Error(outcome?.error?.message ?? 'the image was not stored');
      // Thumbnails come after saving, from the library's queue; this asks for them as a tile on screen does.
      if (!(await library.thumbnails.ensure(outcome.image.sha256))) {
        throw new Error(library.images.image(outcome.image.id)?.previewProblem ?? 'no thumbnail was made');
      }
      await access(library.thumbnailPath(outcome.image, 256));
      return `catalog and image pipeline (${codec.build} codec)`;
    } finally {
      library.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * `--smoke-test`: proves on a real machine that the packaged app's native parts load and the window paints.
 * Each step names itself in the one-line answer, so a CI log says what broke without opening anything.
 */
export async function runSmokeTest(deps: SmokeTestDeps): Promise<SmokeTestResult> {
  const done: string[] = [];
  const steps: [string, () => Promise<string>][] = [
    ['library', () => throwawayLibraryRoundTrip(deps.codec, deps.nativeBinding, deps.tmpRoot ?? tmpdir())],
    ['keychain', () => deps.loadKeychain().then(() => 'keychain module')],
    ['renderer', () => deps.firstPaint().then(() => 'renderer first paint')],
  ];
  for (const [name, step] of steps) {
    try {
      done.push(await step());
    } catch (error) {
      deps.log.error(`smoke test: ${name} failed`, error);
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, line: `smoke test failed at ${name}: ${reason.split('\n')[0] ?? ''}` };
    }
  }
  return { ok: true, line: `smoke test passed: ${done.join(', ')}` };
}
