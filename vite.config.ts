import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

/**
 * One config, three builds selected by `--mode`: the renderer is a normal web build; main and preload are
 * Node-targeted bundles. Main keeps native modules external (they are loaded from node_modules or, for the
 * Electron build of better-sqlite3, from an explicit binding path); the sandboxed preload may only `require`
 * `electron`, so everything else is bundled into it.
 */
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const nativeModules = ['better-sqlite3', 'keytar', 'sharp'];
/** Loaded from node_modules as shipped: electron-updater only when a release feed is set. */
const runtimePackages = ['electron-updater'];

function nodeBundle(entry: string, outDir: string, external: string[]): UserConfig {
  return {
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      sourcemap: true,
      rollupOptions: {
        external,
        // One file: the app's own lazy imports (CLI commands) stay in the bundle, never in side chunks.
        output: { format: 'cjs', entryFileNames: 'index.cjs', codeSplitting: false },
      },
    },
    ssr: { noExternal: true },
  };
}

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'main') {
    return nodeBundle('src-main/index.ts', 'dist/main', [
      'electron',
      ...nativeModules,
      ...runtimePackages,
      ...nodeBuiltins,
    ]);
  }
  if (mode === 'preload') {
    return nodeBundle('src-preload/index.ts', 'dist/preload', ['electron']);
  }
  return {
    root: resolve(import.meta.dirname, 'src-renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(import.meta.dirname, 'dist/renderer'),
      emptyOutDir: true,
      target: 'chrome140',
      sourcemap: true,
    },
    server: { port: 5173, strictPort: true },
  };
});
