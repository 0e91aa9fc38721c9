import { buildCliBundle } from './cli-bundle';

/** `npm run build` step: the command line as `dist/cli/seedream.mjs`, run with `node` or `npm run cli`. */
await buildCliBundle('dist/cli/seedream.mjs');
