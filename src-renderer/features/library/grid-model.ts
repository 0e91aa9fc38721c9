import type { Arrangement, Section } from './arrangement';

/**
 * A row of the virtual grid: a section heading, or up to `columns` cell slots `[start, start + count)` over the
 * arranged entries. Slots at or past the number of loaded entries are skeletons, so the grid has its final
 * height before the pages arrive and nothing moves when they do.
 */
export type GridRow = { kind: 'header'; section: Section } | { kind: 'cells'; start: number; count: number };

export interface GridModel {
  columns: number;
  rowCount: number;
  row(index: number): GridRow;
  rowHeight(index: number): number;
  /**
   * The row's identity for the virtualizer, which asks it of every row whenever the model changes: a number
   * (the row's first slot) for cell rows, made without allocating, since a million images are 166 000 rows.
   */
  key(index: number): number | string;
  /** The row holding an entry's cell. */
  rowOfEntry(entry: number): number;
}

export interface GridGeometry {
  columns: number;
  /** Height of a cell row, gap included. */
  cellRowHeight: number;
  headerHeight: number;
}

export const gridGap = 6;
export const headerHeight = 36;
export const minThumbSize = 80;
export const maxThumbSize = 360;
export const defaultThumbSize = 160;

export function clampThumbSize(size: number): number {
  return Math.min(maxThumbSize, Math.max(minThumbSize, Math.round(size)));
}

/**
 * The size one step bigger (fewer columns) or smaller (more columns). Cells stretch to fill the width, so a
 * fixed step of pixels could leave the grid looking unchanged; a step is one column instead.
 */
export function stepThumbSize(width: number, size: number, direction: 1 | -1): number {
  const { columns } = gridGeometry(width, size);
  const target = columns - direction;
  if (target < 1) return size;
  return clampThumbSize(Math.floor((width + gridGap) / target) - gridGap);
}

/** Columns that fit at the wanted size; cells then stretch to fill the width, so the size is a target. */
export function gridGeometry(width: number, thumbSize: number): GridGeometry {
  const columns = Math.max(1, Math.floor((width + gridGap) / (thumbSize + gridGap)));
  const cell = columns === 1 ? width : (width - gridGap * (columns - 1)) / columns;
  return { columns, cellRowHeight: Math.max(1, Math.floor(cell)) + gridGap, headerHeight };
}

/** The flat view needs no row table: row `i` holds slots `i * columns` onwards, for any number of images. */
function flatModel(slots: number, geometry: GridGeometry): GridModel {
  const { columns } = geometry;
  return {
    columns,
    rowCount: Math.ceil(slots / columns),
    row: (index) => ({
      kind: 'cells',
      start: index * columns,
      count: Math.min(columns, slots - index * columns),
    }),
    rowHeight: () => geometry.cellRowHeight,
    key: (index) => index * columns,
    rowOfEntry: (entry) => Math.floor(entry / columns),
  };
}

/**
 * Headings and the loaded entries' rows are a table; the skeleton rows after them follow from the count alone,
 * like the flat model's, so a grouped view of a million images does not build a row object per skeleton row.
 */
function sectionedModel(arrangement: Arrangement, pending: number, geometry: GridGeometry): GridModel {
  const { columns } = geometry;
  const rows: GridRow[] = [];
  /** Indexes in `rows` of the cell rows, in order, for the binary search of `rowOfEntry`. */
  const cellRows: number[] = [];
  for (const section of arrangement.sections) {
    if (section.header) rows.push({ kind: 'header', section });
    for (let offset = 0; offset < section.count; offset += columns) {
      cellRows.push(rows.length);
      rows.push({
        kind: 'cells',
        start: section.start + offset,
        count: Math.min(columns, section.count - offset),
      });
    }
  }
  const tailRow = rows.length;
  const tailSlot = arrangement.entries.length;
  const tail = (index: number): GridRow => {
    const start = tailSlot + (index - tailRow) * columns;
    return { kind: 'cells', start, count: Math.max(0, Math.min(columns, tailSlot + pending - start)) };
  };

  return {
    columns,
    rowCount: tailRow + Math.ceil(pending / columns),
    row: (index) => (index < tailRow ? (rows[index] ?? tail(tailRow)) : tail(index)),
    rowHeight: (index) => (rows[index]?.kind === 'header' ? geometry.headerHeight : geometry.cellRowHeight),
    key: (index) => {
      if (index >= tailRow) return tailSlot + (index - tailRow) * columns;
      const row = rows[index];
      return row?.kind === 'header' ? `h-${row.section.key}` : (row?.start ?? index);
    },
    rowOfEntry: (entry) => {
      if (entry >= tailSlot) return tailRow + Math.floor((entry - tailSlot) / columns);
      let low = 0;
      let high = cellRows.length - 1;
      while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        const row = rows[cellRows[middle] ?? 0];
        if (row?.kind === 'cells' && row.start <= entry) low = middle;
        else high = middle - 1;
      }
      return cellRows[low] ?? 0;
    },
  };
}

/** One run of entries without headings: rows then follow from the slot count alone. */
export function isFlat(arrangement: Arrangement): boolean {
  const [only, ...others] = arrangement.sections;
  return others.length === 0 && (only === undefined || only.header === null);
}

/** `pending` is how many matching images are not loaded yet; each gets a skeleton slot. */
export function buildGridModel(arrangement: Arrangement, pending: number, geometry: GridGeometry): GridModel {
  if (isFlat(arrangement)) return flatModel(arrangement.entries.length + pending, geometry);
  return sectionedModel(arrangement, pending, geometry);
}

export type NavigationKey =
  'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End' | 'PageUp' | 'PageDown';

export function isNavigationKey(key: string): key is NavigationKey {
  return ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'].includes(
    key,
  );
}

/** The entry in the same column of the next (or previous) row of cells, skipping headings and skeletons. */
function verticalStep(model: GridModel, loaded: number, focus: number, direction: 1 | -1): number {
  const from = model.rowOfEntry(focus);
  const current = model.row(from);
  if (current.kind !== 'cells') return focus;
  const column = focus - current.start;
  for (let index = from + direction; index >= 0 && index < model.rowCount; index += direction) {
    const row = model.row(index);
    if (row.kind !== 'cells') continue;
    if (row.start >= loaded) return focus;
    return Math.min(row.start + column, row.start + row.count - 1, loaded - 1);
  }
  return focus;
}

/** Where the keyboard focus goes among `loaded` entries; `pageRows` is how many rows fit in the viewport. */
export function moveFocus(
  model: GridModel,
  loaded: number,
  focus: number,
  key: NavigationKey,
  pageRows: number,
): number {
  if (loaded === 0) return 0;
  const current = Math.min(Math.max(focus, 0), loaded - 1);
  switch (key) {
    case 'ArrowLeft':
      return Math.max(0, current - 1);
    case 'ArrowRight':
      return Math.min(loaded - 1, current + 1);
    case 'ArrowUp':
      return verticalStep(model, loaded, current, -1);
    case 'ArrowDown':
      return verticalStep(model, loaded, current, 1);
    case 'Home':
      return 0;
    case 'End':
      return loaded - 1;
    case 'PageUp':
    case 'PageDown': {
      const direction = key === 'PageUp' ? -1 : 1;
      let target = current;
      for (let step = 0; step < Math.max(1, pageRows); step += 1) {
        const next = verticalStep(model, loaded, target, direction);
        if (next === target) break;
        target = next;
      }
      return target;
    }
  }
}
