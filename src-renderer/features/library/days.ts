/** Calendar-day arithmetic in the user's time zone; days are identified by their local midnight. */

export function localMidnightOf(time: number): number {
  const day = new Date(time);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

export function nextLocalMidnight(dayStart: number): number {
  const day = new Date(dayStart);
  day.setDate(day.getDate() + 1);
  return day.getTime();
}

/** Whole calendar days from one local midnight to another, right across daylight-saving days of 23 or 25 hours. */
export function calendarDaysBetween(earlierMidnight: number, laterMidnight: number): number {
  const utc = (time: number) => {
    const day = new Date(time);
    return Date.UTC(day.getFullYear(), day.getMonth(), day.getDate());
  };
  return Math.round((utc(laterMidnight) - utc(earlierMidnight)) / 86_400_000);
}
