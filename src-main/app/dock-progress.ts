import type { DesktopPort } from '../shell/desktop-port';

export type ProgressSource = 'jobs' | 'queue';

/**
 * One progress bar on the dock or taskbar for two sources (single jobs, the batch queue): it shows their mean
 * while both are active, either one alone, and clears when neither is.
 */
export function createDockProgress(desktop: Pick<DesktopPort, 'setProgress'>) {
  const active = new Map<ProgressSource, number>();
  return (source: ProgressSource, fraction: number | null): void => {
    if (fraction === null) active.delete(source);
    else active.set(source, Math.min(1, Math.max(0, fraction)));
    const values = [...active.values()];
    desktop.setProgress(
      values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length,
    );
  };
}

export type DockProgress = ReturnType<typeof createDockProgress>;
