import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, parameterRows } from '../../../../src-renderer/features/library/format';
import {
  calendarDaysBetween,
  localMidnightOf,
  nextLocalMidnight,
} from '../../../../src-renderer/features/library/days';

describe('formatBytes', () => {
  it('picks the unit that keeps the number small', () => {
    expect(formatBytes(512, 'en')).toBe('512 byte');
    expect(formatBytes(1536, 'en')).toBe('1.5 kB');
    expect(formatBytes(5 * 1024 ** 3, 'en')).toBe('5 GB');
  });

  it('groups digits the way the language does', () => {
    expect(formatCount(1234567, 'en')).toBe('1,234,567');
  });
});

describe('parameterRows', () => {
  it('lists every sent parameter but the prompt, sorted, objects as JSON', () => {
    expect(
      parameterRows({
        prompt: 'a fox',
        watermark: false,
        size: '2K',
        sequential_image_generation_options: { max_images: 4 },
      }),
    ).toEqual([
      ['sequential_image_generation_options', '{"max_images":4}'],
      ['size', '2K'],
      ['watermark', 'false'],
    ]);
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
