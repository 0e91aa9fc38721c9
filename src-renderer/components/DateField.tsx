import * as Popover from '@radix-ui/react-popover';
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addDays,
  addMonths,
  compareDays,
  dateOf,
  dayOf,
  firstWeekday,
  formatDay,
  monthGrid,
  parseDay,
  type Day,
} from './calendar';
import { IconButton } from './IconButton';
import './date-field.css';

interface DateFieldProps {
  label: string;
  /** `YYYY-MM-DD`, or empty for no date. */
  value: string;
  onChange: (value: string) => void;
  min?: string;
  max?: string;
}

const dayKeys: Record<string, (day: Day) => Day> = {
  ArrowLeft: (day) => addDays(day, -1),
  ArrowRight: (day) => addDays(day, 1),
  ArrowUp: (day) => addDays(day, -7),
  ArrowDown: (day) => addDays(day, 7),
  PageUp: (day) => addMonths(day, -1),
  PageDown: (day) => addMonths(day, 1),
};

function Calendar({
  value,
  min,
  max,
  onPick,
}: Omit<DateFieldProps, 'label' | 'onChange'> & { onPick: (day: Day) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const chosen = parseDay(value);
  const [focused, setFocused] = useState<Day>(() => chosen ?? dayOf(new Date()));
  const gridRef = useRef<HTMLTableElement>(null);
  const low = min ? parseDay(min) : null;
  const high = max ? parseDay(max) : null;
  const outside = (day: Day) =>
    (low !== null && compareDays(day, low) < 0) || (high !== null && compareDays(day, high) > 0);
  const weekStart = firstWeekday(language);
  const weeks = monthGrid(focused.year, focused.month, weekStart);
  const monthTitle = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long' }).format(
    dateOf({ ...focused, day: 1 }),
  );
  const weekdayName = new Intl.DateTimeFormat(language, { weekday: 'short' });
  const fullDate = new Intl.DateTimeFormat(language, { dateStyle: 'full' });

  // After a key moved to another day (maybe in another month), that day's button takes the focus once drawn.
  const keyMoved = useRef(false);
  useLayoutEffect(() => {
    if (!keyMoved.current) return;
    keyMoved.current = false;
    gridRef.current?.querySelector<HTMLButtonElement>(`[data-day="${formatDay(focused)}"]`)?.focus();
  }, [focused]);
  const moveTo = (day: Day) => {
    keyMoved.current = true;
    setFocused(day);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const step = dayKeys[event.key];
    if (!step) return;
    event.preventDefault();
    moveTo(step(focused));
  };

  return (
    <div className="calendar">
      <div className="calendar__head">
        <IconButton
          className="button button--quiet button--icon"
          icon="previous"
          label={t('date.previousMonth')}
          onClick={() => {
            setFocused(addMonths(focused, -1));
          }}
        />
        <span className="calendar__title" aria-live="polite">
          {monthTitle}
        </span>
        <IconButton
          className="button button--quiet button--icon"
          icon="next"
          label={t('date.nextMonth')}
          onClick={() => {
            setFocused(addMonths(focused, 1));
          }}
        />
      </div>
      <table
        ref={gridRef}
        className="calendar__grid"
        role="grid"
        aria-label={monthTitle}
        onKeyDown={onKeyDown}
      >
        <thead>
          <tr>
            {weeks[0]?.map(({ day }) => (
              <th
                key={formatDay(day)}
                scope="col"
                abbr={new Intl.DateTimeFormat(language, { weekday: 'long' }).format(dateOf(day))}
              >
                {weekdayName.format(dateOf(day))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={formatDay(week[0]?.day ?? focused)}>
              {week.map(({ day, inMonth }) => {
                const key = formatDay(day);
                const isFocused = compareDays(day, focused) === 0;
                const isChosen = chosen !== null && compareDays(day, chosen) === 0;
                return (
                  <td key={key}>
                    <button
                      type="button"
                      className={`calendar__day${inMonth ? '' : ' calendar__day--other'}`}
                      data-day={key}
                      aria-label={fullDate.format(dateOf(day))}
                      aria-pressed={isChosen}
                      tabIndex={isFocused ? 0 : -1}
                      disabled={outside(day)}
                      onClick={() => {
                        onPick(day);
                      }}
                    >
                      {day.day}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A date picked from a calendar in the app's language: the value and the month and weekday names follow the UI
 * language (a native date input follows the system's, so it showed mm/dd/yyyy in Chinese), and the week starts
 * on the day that language's region starts it.
 */
export function DateField({ label, value, onChange, min, max }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const labelId = useId();
  const valueId = useId();
  const day = parseDay(value);
  const shown = day
    ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(dateOf(day))
    : t('date.any');
  return (
    <div className="date-field">
      <span id={labelId} className="date-field__label">
        {label}
      </span>
      <Popover.Root open={open} onOpenChange={setOpen}>
        <Popover.Trigger className="input date-field__button" aria-labelledby={`${labelId} ${valueId}`}>
          <span id={valueId}>{shown}</span>
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content
            className="popover"
            align="start"
            sideOffset={4}
            aria-label={label}
            onOpenAutoFocus={(event) => {
              // The chosen day (or today) takes the focus, so the arrow keys move through the month at once.
              event.preventDefault();
              if (event.currentTarget instanceof HTMLElement) {
                event.currentTarget.querySelector<HTMLElement>('[data-day][tabindex="0"]')?.focus();
              }
            }}
          >
            <Calendar
              value={value}
              min={min}
              max={max}
              onPick={(picked) => {
                onChange(formatDay(picked));
                setOpen(false);
              }}
            />
            {value !== '' && (
              <button
                type="button"
                className="button button--small date-field__clear"
                onClick={() => {
                  onChange('');
                  setOpen(false);
                }}
              >
                {t('date.clear')}
              </button>
            )}
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
    </div>
  );
}
