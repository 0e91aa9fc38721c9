import { spawn, type ChildProcess } from 'node:child_process';

export interface LaunchHost {
  platform: NodeJS.Platform;
  /** `process.getuid()`, undefined on Windows. */
  uid: number | undefined;
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * How Electron must be started on this host: Chromium refuses to run as root with its sandbox on (CI
 * containers run as root), and on Linux a window needs an X or Wayland display, which a headless machine only
 * has through Xvfb.
 */
export function electronLaunchPlan(
  host: LaunchHost,
  appDir: string,
): { args: string[]; needsDisplay: boolean } {
  return {
    args: [...(host.uid === 0 ? ['--no-sandbox'] : []), appDir],
    needsDisplay: host.platform === 'linux' && !host.env.DISPLAY && !host.env.WAYLAND_DISPLAY,
  };
}

export interface VirtualDisplay {
  /** The value for DISPLAY, e.g. ":99". */
  display: string;
  stop(): Promise<void>;
}

/**
 * Starts Xvfb on the first free display number; Xvfb writes the number it took to the pipe given by
 * `-displayfd` once it accepts connections, so there is no guessing and no polling.
 */
export function startVirtualDisplay(executable = 'Xvfb'): Promise<VirtualDisplay> {
  return new Promise((resolve, reject) => {
    const xvfb: ChildProcess = spawn(
      executable,
      ['-displayfd', '3', '-screen', '0', '1440x900x24', '-nolisten', 'tcp'],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
    );
    let announced = '';
    let errors = '';
    xvfb.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    xvfb.once('error', (error) => {
      reject(new Error(`Xvfb could not start (${error.message}); on Debian: apt-get install xvfb`));
    });
    xvfb.once('exit', (code) => {
      if (announced === '') reject(new Error(`Xvfb exited with ${code}: ${errors.trim().slice(-400)}`));
    });
    xvfb.stdio[3]?.on('data', (chunk: Buffer) => {
      announced += chunk.toString();
      if (!announced.includes('\n')) return;
      resolve({
        display: `:${announced.trim()}`,
        stop: () =>
          new Promise((done) => {
            if (xvfb.exitCode !== null) {
              done();
              return;
            }
            xvfb.once('exit', () => {
              done();
            });
            xvfb.kill('SIGTERM');
          }),
      });
    });
  });
}
