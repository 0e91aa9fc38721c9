const byteUnits = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < byteUnits.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: byteUnits[unit] ?? 'byte',
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

export function formatCount(count: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(count);
}

/** A parameter as sent to the API, readable in one line: strings bare, everything else as JSON. */
function formatParamValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value);
}

/** Parameters in a stable order: the prompt is shown on its own, so it is left out here. */
export function parameterRows(params: Record<string, unknown>): [string, string][] {
  return Object.keys(params)
    .filter((name) => name !== 'prompt')
    .sort()
    .map((name) => [name, formatParamValue(params[name])]);
}
