import type { DesktopPort } from '../../../src-main/shell/desktop-port';

export type DesktopCall =
  | { kind: 'reveal'; path: string }
  | { kind: 'copyImage'; png: Uint8Array }
  | { kind: 'startDrag'; paths: readonly string[]; iconPng: Uint8Array }
  | { kind: 'chooseFolder'; title: string }
  | { kind: 'notify'; title: string; body: string }
  | { kind: 'progress'; fraction: number | null };

export interface RecordingDesktop extends DesktopPort {
  readonly calls: DesktopCall[];
}

/**
 * The Chromium driver has no OS shell, so desktop effects are recorded for specs to assert. Folder pickers
 * answer with the folder given by the spec (or "cancelled" when none).
 */
export function createRecordingDesktop(exportFolder: string | null): RecordingDesktop {
  const calls: DesktopCall[] = [];
  return {
    calls,
    revealFile: (path) => calls.push({ kind: 'reveal', path }),
    copyImage: (png) => {
      calls.push({ kind: 'copyImage', png });
      return Promise.resolve();
    },
    startDrag: (paths, iconPng) => calls.push({ kind: 'startDrag', paths, iconPng }),
    chooseFolder: (title) => {
      calls.push({ kind: 'chooseFolder', title });
      return Promise.resolve(exportFolder);
    },
    notify: (title, body) => calls.push({ kind: 'notify', title, body }),
    setProgress: (fraction) => calls.push({ kind: 'progress', fraction }),
  };
}
