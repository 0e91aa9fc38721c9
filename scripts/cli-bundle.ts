import { build } from 'esbuild';

/** Loaded from node_modules at run time: native modules, and sharp's builds (chosen by media/image-codec.ts). */
export const cliExternals = ['better-sqlite3', 'keytar', 'sharp', '@img/*'];

/**
 * Bundles the command line into one ES module that starts in plain Node: no TypeScript loader at start
 * (tsx took 1.15 s to print `--help`, the bundle about 0.2 s). Bundled CommonJS dependencies get a real
 * `require` through the banner, since an ES module has none.
 */
export async function buildCliBundle(outfile: string): Promise<void> {
  await build({
    entryPoints: [new URL('../src-main/cli/main.ts', import.meta.url).pathname],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: cliExternals,
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __seedreamCreateRequire } from 'node:module';\nconst require = __seedreamCreateRequire(import.meta.url);",
    },
    minify: true,
    logLevel: 'warning',
  });
}
