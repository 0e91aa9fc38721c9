import { runCli } from '../../src-main/cli/run-cli';
import { MemorySecretStore } from '../../src-main/keychain/secret-store';
import { silentLogger } from '../../src-main/logging/logger';
import { nativeCodec } from '../support/codecs';
import type { CliRun } from './run-cli-process';

/** A command run in this process (faster than a child), with a keychain of its own and its output kept. */
export async function runCliInProcess(
  args: readonly string[],
  { env, home }: { env: Record<string, string>; home: string },
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env,
    platform: 'linux',
    homedir: home,
    signal: new AbortController().signal,
    imageCodec: () => nativeCodec,
    secretStore: new MemorySecretStore(),
    log: silentLogger,
  });
  return { code, stdout, stderr };
}
