import { homedir } from 'node:os';
import { runCli } from './run-cli';

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
}).then((code) => {
  process.exitCode = code;
});
