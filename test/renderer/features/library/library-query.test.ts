import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  clearNarrowingFilters,
  emptyFilters,
  initialQuery,
  localDayStart,
  toListInput,
} from '../../../../src-renderer/features/library/library-query';

describe('toListInput', () => {
  it('sends no query for blank text and trims what was typed', () => {
    expect(toListInput({ ...initialQuery, text: '   ' }, null, 200)).toEqual({
      filter: {},
      sort: 'newest',
      cursor: null,
      limit: 200,
    });
    expect(toListInput({ ...initialQuery, text: '  red fox ' }, 'c1', 500).query).toBe('red fox');
  });

  it('turns a day range into local midnights, the end day included', () => {
    const input = toListInput(
      { ...initialQuery, filters: { ...emptyFilters, from: '2025-03-01', to: '2025-03-31' } },
      null,
      1,
    );
    expect(input.filter).toEqual({
      from: new Date(2025, 2, 1).getTime(),
      to: new Date(2025, 3, 1).getTime(),
    });
  });

  it('maps every filter the controls hold', () => {
    const input = toListInput(
      {
        text: '',
        sort: 'oldest',
        filters: {
          model: 'doubao-seedream-4-0-250828',
          from: '',
          to: '',
          favorite: true,
          collectionId: 4,
          tagId: 9,
          hasReferences: true,
          size: 'medium',
          trashed: true,
        },
      },
      null,
      10,
    );
    expect(input.sort).toBe('oldest');
    expect(input.filter).toEqual({
      model: 'doubao-seedream-4-0-250828',
      favorite: true,
      collectionId: 4,
      tagId: 9,
      hasReferences: true,
      minPixels: 1_000_000,
      maxPixels: 4_000_000,
      trashed: true,
    });
  });

  it('leaves unticked boxes out instead of asking for their opposite', () => {
    expect(toListInput(initialQuery, null, 1).filter).toEqual({});
  });

  it('maps the size bands without gaps or overlaps', () => {
    const bounds = (size: 'small' | 'large') =>
      toListInput({ ...initialQuery, filters: { ...emptyFilters, size } }, null, 1).filter;
    expect(bounds('small')).toEqual({ maxPixels: 999_999 });
    expect(bounds('large')).toEqual({ minPixels: 4_000_001 });
  });
});

describe('localDayStart', () => {
  it('rejects what is not a whole date', () => {
    expect(localDayStart('')).toBeUndefined();
    expect(localDayStart('2025-3-1')).toBeUndefined();
    expect(localDayStart('yesterday')).toBeUndefined();
  });
});

describe('filter counting', () => {
  it('counts narrowing filters, not the place being looked at', () => {
    expect(activeFilterCount({ ...emptyFilters, collectionId: 3, trashed: true })).toBe(0);
    expect(
      activeFilterCount({
        ...emptyFilters,
        model: 'm',
        from: '2025-01-01',
        to: '2025-01-02',
        favorite: true,
        size: 'large',
      }),
    ).toBe(4);
  });

  it('clears filters but stays in the same collection', () => {
    const cleared = clearNarrowingFilters({ ...emptyFilters, collectionId: 3, favorite: true, tagId: 2 });
    expect(cleared).toEqual({ ...emptyFilters, collectionId: 3 });
  });
});
