import { groupings, type Grouping } from './arrangement';
import { clampThumbSize, defaultThumbSize } from './grid-model';

export interface ViewPreferences {
  grouping: Grouping;
  thumbSize: number;
  /** Whether the inspector panel is shown beside the grid. */
  inspector: boolean;
}

const storageKey = 'seedream.library.view';

type PreferenceStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** How the grid looks is a per-machine taste, not library data, so it lives in the renderer's own storage. */
export function readViewPreferences(storage: PreferenceStorage | null): ViewPreferences {
  const fallback: ViewPreferences = { grouping: 'none', thumbSize: defaultThumbSize, inspector: true };
  try {
    const raw = storage?.getItem(storageKey) ?? null;
    if (raw === null) return fallback;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return fallback;
    const record = parsed as Record<string, unknown>;
    const grouping = groupings.find((name) => name === record.grouping) ?? fallback.grouping;
    const thumbSize =
      typeof record.thumbSize === 'number' ? clampThumbSize(record.thumbSize) : fallback.thumbSize;
    const inspector = typeof record.inspector === 'boolean' ? record.inspector : fallback.inspector;
    return { grouping, thumbSize, inspector };
  } catch {
    return fallback;
  }
}

export function writeViewPreferences(storage: PreferenceStorage | null, preferences: ViewPreferences): void {
  try {
    storage?.setItem(storageKey, JSON.stringify(preferences));
  } catch {
    // Storage can be full or disabled; the grid then simply starts with the defaults next time.
  }
}
