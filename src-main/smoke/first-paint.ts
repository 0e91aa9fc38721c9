/** What the wait needs of a WebContents; Electron's satisfies it, a test passes a fake. */
export interface PaintedContents {
  executeJavaScript(code: string): Promise<unknown>;
  isDestroyed(): boolean;
}

/**
 * Resolves once the renderer has drawn the app (React filled `#root`), which needs the bundle, the preload's
 * bridge and the first IPC answers to work; rejects with the reason after `timeoutMs`.
 */
export async function waitForAppRoot(
  contents: PaintedContents,
  timeoutMs: number,
  pollMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'the window never rendered the app';
  while (Date.now() < deadline) {
    if (contents.isDestroyed()) throw new Error('the window closed before its first paint');
    try {
      const count = await contents.executeJavaScript(
        "document.getElementById('root')?.childElementCount ?? 0",
      );
      if (typeof count === 'number' && count > 0) return;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  throw new Error(`the renderer did not paint within ${Math.round(timeoutMs / 1000)} s (${lastError})`);
}
