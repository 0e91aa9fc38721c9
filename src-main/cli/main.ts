import { runProcessCli } from './process-cli';

/** The command line in plain Node: `npm run cli`, or the bundle `node dist/cli/seedream.mjs`. */
void runProcessCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
