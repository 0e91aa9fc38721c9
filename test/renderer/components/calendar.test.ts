import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  firstWeekday,
  formatDay,
  monthGrid,
  parseDay,
} from '../../../src-renderer/components/calendar';

describe('calendar', () => {
  it('reads and writes YYYY-MM-DD days, refusing days that do not exist', () => {
    expect(parseDay('2025-02-28')).toEqual({ year: 2025, month: 2, day: 28 });
    expect(parseDay('2025-02-29')).toBeNull();
    expect(parseDay('02/28/2025')).toBeNull();
    expect(formatDay({ year: 2025, month: 3, day: 7 })).toBe('2025-03-07');
  });

  it('steps across months and years, keeping a month’s last day inside it', () => {
    expect(addDays({ year: 2024, month: 12, day: 31 }, 1)).toEqual({ year: 2025, month: 1, day: 1 });
    expect(addMonths({ year: 2025, month: 1, day: 31 }, 1)).toEqual({ year: 2025, month: 2, day: 28 });
    expect(addMonths({ year: 2025, month: 1, day: 15 }, -1)).toEqual({ year: 2024, month: 12, day: 15 });
  });

  it('starts the week where the language does: Monday in Chinese, Sunday in American English', () => {
    expect(firstWeekday('zh-CN')).toBe(1);
    expect(firstWeekday('en')).toBe(0);
  });

  it('lays a month out in six weeks from the week of its first day', () => {
    // March 2025 begins on a Saturday.
    const sundayFirst = monthGrid(2025, 3, 0);
    expect(sundayFirst).toHaveLength(6);
    expect(sundayFirst[0]?.[0]?.day).toEqual({ year: 2025, month: 2, day: 23 });
    expect(sundayFirst[0]?.[6]).toEqual({ day: { year: 2025, month: 3, day: 1 }, inMonth: true });
    const mondayFirst = monthGrid(2025, 3, 1);
    expect(mondayFirst[0]?.[5]).toEqual({ day: { year: 2025, month: 3, day: 1 }, inMonth: true });
  });
});
