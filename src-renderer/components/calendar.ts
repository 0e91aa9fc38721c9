/**
 * Calendar arithmetic for the date field, on `YYYY-MM-DD` days in local time (what the library's date filter
 * holds). Pure, so the month grid and the week's first day are tested without a browser.
 */

export interface Day {
  year: number;
  /** 1 to 12. */
  month: number;
  day: number;
}

export function parseDay(text: string): Day | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return { year, month, day };
}

export function formatDay({ year, month, day }: Day): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

export function dayOf(date: Date): Day {
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

export function dateOf({ year, month, day }: Day): Date {
  return new Date(year, month - 1, day);
}

/** The day `days` later (or earlier), across months and years. */
export function addDays(from: Day, days: number): Day {
  return dayOf(new Date(from.year, from.month - 1, from.day + days));
}

/** The same day of another month, kept inside it (31 January plus a month is 28 or 29 February). */
export function addMonths(from: Day, months: number): Day {
  const first = new Date(from.year, from.month - 1 + months, 1);
  const last = new Date(first.getFullYear(), first.getMonth() + 1, 0).getDate();
  return { year: first.getFullYear(), month: first.getMonth() + 1, day: Math.min(from.day, last) };
}

export function compareDays(a: Day, b: Day): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** 0 for Sunday to 6 for Saturday, as `Date.getDay` counts. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

interface WeekInfoLocale {
  getWeekInfo?: () => { firstDay: number };
  weekInfo?: { firstDay: number };
}

/**
 * The first day of the week where the language is spoken (Monday in China, Sunday in the United States),
 * from the browser's locale data; Intl numbers days 1 (Monday) to 7 (Sunday).
 */
export function firstWeekday(language: string): Weekday {
  try {
    const locale = new Intl.Locale(language) as Intl.Locale & WeekInfoLocale;
    const info = locale.getWeekInfo?.() ?? locale.weekInfo;
    if (info) return (info.firstDay % 7) as Weekday;
  } catch {
    // An unknown tag: fall through to the common case.
  }
  return language.toLowerCase().startsWith('en-us') || language === 'en' ? 0 : 1;
}

/** The six weeks shown for a month: from the week holding its first day, each day with whether it is in it. */
export function monthGrid(
  year: number,
  month: number,
  weekStart: Weekday,
): { day: Day; inMonth: boolean }[][] {
  const first = new Date(year, month - 1, 1);
  const lead = (first.getDay() - weekStart + 7) % 7;
  const start = addDays(dayOf(first), -lead);
  const weeks: { day: Day; inMonth: boolean }[][] = [];
  for (let week = 0; week < 6; week += 1) {
    const days: { day: Day; inMonth: boolean }[] = [];
    for (let weekday = 0; weekday < 7; weekday += 1) {
      const day = addDays(start, week * 7 + weekday);
      days.push({ day, inMonth: day.month === month && day.year === year });
    }
    weeks.push(days);
  }
  return weeks;
}
