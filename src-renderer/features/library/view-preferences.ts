import { groupings, type Grouping } from './arrangement';
import { clampThumbSize, defaultThumbSize } from './grid-model';

export interface ViewPreferences {
  grouping: Grouping;
  thumbSize: number;
}

const storageKey = 'seedream.library.view';

/** How the grid looks is a per-machine taste, not library data, so it lives in the renderer's own storage. */
export function readViewPreferences(): ViewPreferences {
  const fallback: ViewPreferences = { grouping: 'none', thumbSize: defaultThumbSize };
  try {
    const raw = window.localStorage.getItem(storageKey);
    if (raw === null) return fallback;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return fallback;
    const record = parsed as Record<string, unknown>;
    const grouping = groupings.find((name) => name === record.grouping) ?? fallback.grouping;
    const thumbSize =
      typeof record.thumbSize === 'number' ? clampThumbSize(record.thumbSize) : fallback.thumbSize;
    return { grouping, thumbSize };
  } catch {
    return fallback;
  }
}

export function writeViewPreferences(preferences: ViewPreferences): void {
  try {
    window.localStorage.setItem(storageKey, JSON.stringify(preferences));
  } catch {
    // Storage can be full or disabled; the grid then simply starts with the defaults next time.
  }
}
