import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount } from '../../../../src-renderer/features/library/format';
import {
  calendarDaysBetween,
  localMidnightOf,
  nextLocalMidnight,
} from '../../../../src-renderer/features/library/days';

describe('formatBytes', () => {
  it('writes sizes as file managers do: decimal units, one decimal while small, bytes in words', () => {
    expect(formatBytes(9_700_000, 'en')).toBe('9.7 MB');
    expect(formatBytes(1536, 'en')).toBe('1.5 kB');
    expect(formatBytes(250_400_000, 'en')).toBe('250 MB');
    expect(formatBytes(5_000_000_000, 'en')).toBe('5 GB');
    expect(formatBytes(999_999, 'en')).toBe('1 MB');
  });

  it('never says "0 byte"', () => {
    expect(formatBytes(0, 'en')).toBe('0 bytes');
    expect(formatBytes(1, 'en')).toBe('1 byte');
    expect(formatBytes(512, 'en')).toBe('512 bytes');
    expect(formatBytes(0, 'zh-CN')).not.toContain('byte');
  });

  it('groups digits the way the language does', () => {
    expect(formatCount(1234567, 'en')).toBe('1,234,567');
  });
});

describe('calendar days', () => {
  it('counts days, not 24-hour spans', () => {
    const start = new Date(2025, 2, 1).getTime();
    const end = new Date(2025, 3, 15).getTime();
    expect(calendarDaysBetween(start, end)).toBe(45);
    expect(calendarDaysBetween(start, start)).toBe(0);
  });

  it('finds the midnight of a time and the next one', () => {
    const noon = new Date(2025, 6, 4, 12, 30).getTime();
    expect(localMidnightOf(noon)).toBe(new Date(2025, 6, 4).getTime());
    expect(nextLocalMidnight(localMidnightOf(noon))).toBe(new Date(2025, 6, 5).getTime());
  });
});
