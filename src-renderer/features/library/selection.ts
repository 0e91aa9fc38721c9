import { imagesOf, type Entry } from './arrangement';

/**
 * Selected image ids plus the anchor entry a Shift range starts from. Ids, not entry indexes, are kept so a
 * selection survives regrouping and pages arriving; a stack's cell selects every image in it.
 */
export interface Selection {
  ids: ReadonlySet<number>;
  anchor: number | null;
}

export const emptySelection: Selection = { ids: new Set(), anchor: null };

export interface SelectModifiers {
  /** Shift: select the range from the anchor. */
  range: boolean;
  /** Ctrl (Cmd on macOS): add to or remove from the selection instead of replacing it. */
  toggle: boolean;
}

function idsOf(entry: Entry | undefined): number[] {
  return entry ? imagesOf(entry).map((image) => image.id) : [];
}

export function isEntrySelected(ids: ReadonlySet<number>, entry: Entry): boolean {
  const entryIds = idsOf(entry);
  return entryIds.length > 0 && entryIds.every((id) => ids.has(id));
}

function rangeIds(entries: readonly Entry[], from: number, to: number): number[] {
  const low = Math.max(0, Math.min(from, to));
  const high = Math.min(entries.length - 1, Math.max(from, to));
  const ids: number[] = [];
  for (let index = low; index <= high; index += 1) ids.push(...idsOf(entries[index]));
  return ids;
}

export function toggleEntry(selection: Selection, entries: readonly Entry[], index: number): Selection {
  const entry = entries[index];
  if (!entry) return selection;
  const next = new Set(selection.ids);
  const selected = isEntrySelected(selection.ids, entry);
  for (const id of idsOf(entry)) {
    if (selected) next.delete(id);
    else next.add(id);
  }
  return { ids: next, anchor: index };
}

/** Shift range from the anchor (or from `index` when there is none); with `keep`, added to what is selected. */
export function selectRange(
  selection: Selection,
  entries: readonly Entry[],
  index: number,
  keep: boolean,
): Selection {
  const anchor = selection.anchor ?? index;
  const next = new Set(keep ? selection.ids : []);
  for (const id of rangeIds(entries, anchor, index)) next.add(id);
  return { ids: next, anchor };
}

/** The usual file-manager rules: click selects one, Ctrl/Cmd-click toggles, Shift-click selects a range. */
export function pointerSelect(
  selection: Selection,
  entries: readonly Entry[],
  index: number,
  modifiers: SelectModifiers,
): Selection {
  if (modifiers.range) return selectRange(selection, entries, index, modifiers.toggle);
  if (modifiers.toggle) return toggleEntry(selection, entries, index);
  return { ids: new Set(idsOf(entries[index])), anchor: index };
}

export function selectIds(ids: Iterable<number>): Selection {
  return { ids: new Set(ids), anchor: null };
}

/** Drops ids that are gone (trashed, filtered out), keeping the rest. */
export function keepSelected(selection: Selection, present: ReadonlySet<number>): Selection {
  const kept = [...selection.ids].filter((id) => present.has(id));
  return kept.length === selection.ids.size ? selection : { ids: new Set(kept), anchor: selection.anchor };
}
