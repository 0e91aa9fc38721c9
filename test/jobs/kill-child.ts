import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export interface ChildRun {
  /** Whether the SIGKILL ended it (otherwise it exited by itself with code 0). */
  killed: boolean;
  output: string;
}

/**
 * Runs a TypeScript child and SIGKILLs it `delayMs` after it prints `ready`. Resolves when it is gone; a child
 * that exits by itself resolves only when `mayFinish` allows and it exited with 0, otherwise rejects with its
 * stderr. tsx runs as a loader inside the one process, because its command-line wrapper would run the script in
 * a grandchild that SIGKILL does not reach.
 */
export function runAndKill(
  script: string,
  args: readonly string[],
  delayMs: number,
  mayFinish = false,
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    let timer: NodeJS.Timeout | undefined;
    proc.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (timer === undefined && output.includes('ready\n')) {
        timer = setTimeout(() => proc.kill('SIGKILL'), delayMs);
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal === 'SIGKILL') resolve({ killed: true, output });
      else if (mayFinish && code === 0) resolve({ killed: false, output });
      else reject(new Error(`The child stopped by itself (${code}): ${errors}`));
    });
  });
}
