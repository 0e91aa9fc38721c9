/**
 * What main asks of the desktop around it. Electron implements it in `shell/electron-desktop.ts`; the Chromium
 * end-to-end driver records the calls instead, so the same handlers run in both.
 */
export interface DesktopPort {
  revealFile(path: string): void;
  copyImageFile(path: string): Promise<void>;
  startDrag(path: string, iconPath: string): void;
  chooseFolder(title: string): Promise<string | null>;
  /** Shown only when the window is in the background; the implementation decides. */
  notify(title: string, body: string): void;
  /** A fraction from 0 to 1 on the dock or taskbar icon, or null to clear it. */
  setProgress(fraction: number | null): void;
}
