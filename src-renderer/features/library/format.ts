const largerUnits = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/**
 * A size as file managers show it: decimal units ("9.7 MB", as macOS and GNOME count), one decimal while the
 * number is small, and whole bytes written out ("0 bytes", not "0 byte").
 */
export function formatBytes(bytes: number, locale: string): string {
  const whole = Math.max(0, Math.round(bytes));
  if (whole < 1000) {
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' }).format(whole);
  }
  let value = whole / 1000;
  let unit = 0;
  while (value >= 999.95 && unit < largerUnits.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: largerUnits[unit] ?? 'terabyte',
    unitDisplay: 'short',
    maximumFractionDigits: value < 100 ? 1 : 0,
  }).format(value);
}

export function formatCount(count: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(count);
}
