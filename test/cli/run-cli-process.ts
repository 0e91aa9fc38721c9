import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll } from 'vitest';
import { buildCliBundle } from '../../scripts/cli-bundle';

const root = path.resolve(import.meta.dirname, '../..');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

let bundle: Promise<string> | null = null;
const bundleDirs: string[] = [];

afterAll(() => {
  for (const dir of bundleDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * The command line as it ships: the esbuild bundle, built once per test file into a folder of its own inside
 * the project (its native modules resolve from node_modules, as they do beside dist/cli/).
 */
export function cliBundle(): Promise<string> {
  bundle ??= (async () => {
    const cacheDir = path.join(root, '.cache');
    mkdirSync(cacheDir, { recursive: true });
    const dir = mkdtempSync(path.join(cacheDir, 'cli-bundle-'));
    bundleDirs.push(dir);
    const file = path.join(dir, 'seedream.mjs');
    await buildCliBundle(file);
    return file;
  })();
  return bundle;
}

/**
 * Runs the bundled command line in plain Node, in its own process, with only the given env. Its log goes to
 * the user-data folder that env points at (HOME or XDG_CONFIG_HOME), like a real run.
 */
export async function runCliProcess(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  const file = await cliBundle();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [file, ...args],
      { cwd: root, env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
