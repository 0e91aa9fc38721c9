/** What a start of the app binary was asked to do. */
export type LaunchMode =
  | { kind: 'app' }
  /** `"Seedream Studio" cli generate ...`: the command line, run by the app binary without a window. */
  | { kind: 'cli'; args: string[] }
  /** `--smoke-test`: check the packaged app's native parts and first paint, then exit. */
  | { kind: 'smoke-test' };

/**
 * Reads the mode from `process.argv`. A packaged app's own arguments start after the executable; `electron .`
 * (development) has the app folder first. Chromium's switches (`--no-sandbox` and the like) may come before.
 */
export function launchModeOf(argv: readonly string[], isPackaged: boolean): LaunchMode {
  const own = argv.slice(isPackaged ? 1 : 2);
  const first = own.findIndex((arg) => !arg.startsWith('--'));
  if (first >= 0 && own[first] === 'cli') return { kind: 'cli', args: own.slice(first + 1) };
  if (own.includes('--smoke-test')) return { kind: 'smoke-test' };
  return { kind: 'app' };
}
