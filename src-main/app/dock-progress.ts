import type { DesktopPort } from '../shell/desktop-port';

export type ProgressSource = 'jobs' | 'queue';

/**
 * One progress bar on the dock or taskbar for two sources (single jobs, the batch queue): it shows their mean
 * while both are active, either one alone, and clears when neither is. The desktop is told only when what it
 * shows changes.
 */
export function createDockProgress(desktop: Pick<DesktopPort, 'setProgress'>) {
  const active = new Map<ProgressSource, number>();
  let shown: number | null = null;
  return (source: ProgressSource, fraction: number | null): void => {
    if (fraction === null) active.delete(source);
    else active.set(source, Math.min(1, Math.max(0, fraction)));
    const values = [...active.values()];
    const next = values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
    if (next === shown) return;
    shown = next;
    desktop.setProgress(next);
  };
}

export type DockProgress = ReturnType<typeof createDockProgress>;
