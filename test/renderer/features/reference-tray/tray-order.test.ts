import { describe, expect, it } from 'vitest';
import { appendUnique, moveItem } from '../../../../src-renderer/features/reference-tray/tray-order';

describe('tray order', () => {
  it('moves an item and clamps the target to the list', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b', 'c'], 2, -5)).toEqual(['c', 'a', 'b']);
    const same = ['a', 'b'];
    expect(moveItem(same, 1, 1)).toBe(same);
    expect(moveItem(same, 4, 0)).toBe(same);
  });

  it('adds only new images up to the capacity and says which were skipped', () => {
    const result = appendUnique([{ id: 1 }, { id: 2 }], [{ id: 2 }, { id: 3 }, { id: 4 }], 3);
    expect(result.items).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect(result.duplicates).toEqual([{ id: 2 }]);
    expect(result.overflow).toEqual([{ id: 4 }]);
  });
});
