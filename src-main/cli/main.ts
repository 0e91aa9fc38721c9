import { homedir } from 'node:os';
import { loadImageCodecFor } from '../media/image-codec';
import { runCli } from './run-cli';

/** Loads on first call and keeps the value; the codec costs a native load that `--help` should not pay. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

const interrupt = new AbortController();
let interrupted = false;
process.on('SIGINT', () => {
  // A second Ctrl-C leaves at once; the first lets the running job record that it was cancelled.
  if (interrupted) process.exit(130);
  interrupted = true;
  interrupt.abort();
});

void runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  platform: process.platform,
  homedir: homedir(),
  signal: interrupt.signal,
  imageCodec: once(() =>
    loadImageCodecFor({ platform: process.platform, electron: process.versions.electron }),
  ),
}).then((code) => {
  process.exitCode = code;
});
