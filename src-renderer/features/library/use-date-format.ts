import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarDaysBetween, localMidnightOf } from './days';

/** "Today", "Yesterday", else the full date in the user's language. */
export function useDayLabel(): (dayStart: number) => string {
  const { t, i18n } = useTranslation('library');
  return useCallback(
    (dayStart: number) => {
      const days = calendarDaysBetween(dayStart, localMidnightOf(Date.now()));
      if (days === 0) return t('grid.today');
      if (days === 1) return t('grid.yesterday');
      return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full' }).format(dayStart);
    },
    [t, i18n.language],
  );
}

export function useDateTime(): (time: number) => string {
  const { i18n } = useTranslation();
  return useCallback(
    (time: number) =>
      new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(time),
    [i18n.language],
  );
}
