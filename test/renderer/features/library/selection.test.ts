import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../../src-renderer/features/library/arrangement';
import {
  emptySelection,
  isEntrySelected,
  keepSelected,
  pointerSelect,
  selectIds,
  selectRange,
  toggleEntry,
} from '../../../../src-renderer/features/library/selection';
import { image } from '../../support/images';

const entries: Entry[] = [
  image(10),
  {
    kind: 'stack',
    generationId: 4,
    images: [image(8, { generationId: 4 }), image(9, { generationId: 4, position: 1 })],
  },
  image(7),
  image(6),
  image(5),
];

const sorted = (ids: ReadonlySet<number>) => [...ids].sort((a, b) => a - b);

describe('pointer selection', () => {
  it('selects only the clicked image on a plain click', () => {
    const first = pointerSelect(emptySelection, entries, 0, { range: false, toggle: false });
    const second = pointerSelect(first, entries, 3, { range: false, toggle: false });
    expect(sorted(second.ids)).toEqual([6]);
    expect(second.anchor).toBe(3);
  });

  it('toggles with Ctrl or Cmd, keeping the rest', () => {
    let selection = pointerSelect(emptySelection, entries, 0, { range: false, toggle: false });
    selection = pointerSelect(selection, entries, 2, { range: false, toggle: true });
    expect(sorted(selection.ids)).toEqual([7, 10]);
    selection = pointerSelect(selection, entries, 0, { range: false, toggle: true });
    expect(sorted(selection.ids)).toEqual([7]);
  });

  it('selects the range from the anchor with Shift, replacing the rest', () => {
    let selection = pointerSelect(emptySelection, entries, 4, { range: false, toggle: false });
    selection = pointerSelect(selection, entries, 3, { range: false, toggle: true });
    selection = pointerSelect(selection, entries, 1, { range: true, toggle: false });
    expect(sorted(selection.ids)).toEqual([6, 7, 8, 9]);
    expect(selection.anchor).toBe(3);
  });

  it('adds the range with Ctrl+Shift', () => {
    let selection = pointerSelect(emptySelection, entries, 4, { range: false, toggle: false });
    selection = { ...selection, anchor: 0 };
    selection = pointerSelect(selection, entries, 1, { range: true, toggle: true });
    expect(sorted(selection.ids)).toEqual([5, 8, 9, 10]);
  });

  it('starts a Shift range at the clicked entry when nothing anchors it', () => {
    expect(sorted(selectRange(emptySelection, entries, 2, false).ids)).toEqual([7]);
  });
});

describe('stacks', () => {
  it('select and deselect every image of the sequence together', () => {
    const stack = entries[1];
    if (!stack) throw new Error('fixture');
    let selection = toggleEntry(emptySelection, entries, 1);
    expect(sorted(selection.ids)).toEqual([8, 9]);
    expect(isEntrySelected(selection.ids, stack)).toBe(true);
    selection = toggleEntry(selection, entries, 1);
    expect(selection.ids.size).toBe(0);
  });

  it('count as selected only when all their images are', () => {
    const stack = entries[1];
    if (!stack) throw new Error('fixture');
    const partly = selectIds([8]);
    expect(isEntrySelected(partly.ids, stack)).toBe(false);
    expect(sorted(toggleEntry(partly, entries, 1).ids)).toEqual([8, 9]);
  });
});

describe('keepSelected', () => {
  it('drops ids that left the list and keeps the same object when nothing did', () => {
    const selection = selectIds([5, 6, 7]);
    expect(keepSelected(selection, new Set([5, 6, 7, 8]))).toBe(selection);
    expect(sorted(keepSelected(selection, new Set([6])).ids)).toEqual([6]);
  });
});
