import { describe, expect, it } from 'vitest';
import { launchModeOf } from '../../src-main/app/launch-mode';

describe('launch mode', () => {
  it('opens the app by default, also when the OS passes files or Chromium switches', () => {
    expect(launchModeOf(['/opt/Seedream Studio/seedream-studio'], true)).toEqual({ kind: 'app' });
    expect(launchModeOf(['/opt/seedream-studio', '--no-sandbox'], true)).toEqual({ kind: 'app' });
    expect(launchModeOf(['electron', '.'], false)).toEqual({ kind: 'app' });
  });

  it('runs the command line without a window when the first own argument is cli', () => {
    expect(launchModeOf(['C:\\Seedream Studio.exe', 'cli', 'library', 'list', '--json'], true)).toEqual({
      kind: 'cli',
      args: ['library', 'list', '--json'],
    });
    expect(launchModeOf(['/usr/bin/electron', '.', '--no-sandbox', 'cli', '--help'], false)).toEqual({
      kind: 'cli',
      args: ['--help'],
    });
    // "cli" as a later argument (a prompt, a file) is not the mode.
    expect(launchModeOf(['/opt/seedream-studio', 'notes.png', 'cli'], true)).toEqual({ kind: 'app' });
  });

  it('runs the smoke test when asked', () => {
    expect(
      launchModeOf(
        ['/Applications/Seedream Studio.app/Contents/MacOS/Seedream Studio', '--smoke-test'],
        true,
      ),
    ).toEqual({
      kind: 'smoke-test',
    });
    expect(launchModeOf(['electron', '.', '--no-sandbox', '--smoke-test'], false)).toEqual({
      kind: 'smoke-test',
    });
  });
});
