/**
 * What main asks of the desktop around it. Electron implements it in `shell/electron-desktop.ts`; the Chromium
 * end-to-end driver records the calls instead, so the same handlers run in both. Images cross as PNG bytes:
 * Electron's `nativeImage` decodes only PNG and JPEG, and the library keeps WebP too.
 */
export interface DesktopPort {
  revealFile(path: string): void;
  /** Puts a PNG on the clipboard (every OS and app takes PNG). */
  copyImage(png: Uint8Array): Promise<void>;
  /** Starts an OS drag of the files (one or more), with a PNG icon of the first under the pointer. */
  startDrag(paths: readonly string[], iconPng: Uint8Array): void;
  chooseFolder(title: string): Promise<string | null>;
  /** Shown only when the window is in the background; the implementation decides. */
  notify(title: string, body: string): void;
  /** A fraction from 0 to 1 on the dock or taskbar icon, or null to clear it. */
  setProgress(fraction: number | null): void;
}
