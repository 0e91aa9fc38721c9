import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { build, createServer } from 'vite';

/**
 * `npm run dev`: Vite's dev server for the renderer (hot reload), fresh main and preload bundles, then Electron
 * pointed at the dev server. Closing the app stops the server.
 */
const root = resolve(import.meta.dirname, '..');
const configFile = resolve(root, 'vite.config.ts');

const server = await createServer({ configFile, mode: 'renderer' });
await server.listen();
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('The Vite dev server did not report its address.');
for (const mode of ['preload', 'main']) await build({ configFile, mode, logLevel: 'warn' });

const electron = createRequire(import.meta.url)('electron') as unknown;
if (typeof electron !== 'string') throw new Error('The electron package did not give a binary path.');
const child = spawn(electron, [root], {
  stdio: 'inherit',
  env: { ...process.env, SEEDREAM_DEV_SERVER_URL: url },
});
child.on('exit', (code) => {
  void server.close().then(() => process.exit(code ?? 0));
});
