import { parseArgs } from 'node:util';

/** One command-line option: its parser settings and the line `--help` shows for it. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  /** Placeholder for the value in help, e.g. TEXT. */
  value?: string;
  description: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const commonOptions = {
  library: {
    type: 'string',
    value: 'DIR',
    description: "Library folder to use (default: the app's own library).",
  },
  json: { type: 'boolean', description: 'Print the result as JSON on standard output.' },
  help: { type: 'boolean', description: 'Show this help.' },
} as const satisfies OptionSpecs;

export type OptionValue = string | boolean | (string | boolean)[] | undefined;

export interface ParsedOptions {
  values: Record<string, OptionValue>;
  positionals: string[];
}

/** Parses strictly: unknown options and missing values are usage errors with node's own clear message. */
export function parseOptions(
  args: readonly string[],
  specs: OptionSpecs,
  allowPositionals: boolean,
): ParsedOptions {
  const options = Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [
      name,
      { type: spec.type, multiple: spec.multiple ?? false },
    ]),
  );
  try {
    const parsed = parseArgs({ args: [...args], options, allowPositionals, strict: true });
    return { values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function stringValue(parsed: ParsedOptions, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function flagValue(parsed: ParsedOptions, name: string): boolean {
  return parsed.values[name] === true;
}

export function stringList(parsed: ParsedOptions, name: string): string[] {
  const value = parsed.values[name];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function helpText(usage: string, summary: string, specs: OptionSpecs): string {
  const rows = Object.entries(specs).map(([name, spec]) => {
    const flag = `--${name}${spec.value ? ` ${spec.value}` : ''}${spec.multiple ? ' (repeatable)' : ''}`;
    return [flag, spec.description] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [
    `Usage: ${usage}`,
    '',
    summary,
    '',
    'Options:',
    ...rows.map(([flag, description]) => `  ${flag.padEnd(width)}  ${description}`),
    '',
  ].join('\n');
}

function numeric(name: string, text: string | undefined, min: number, max: number, whole: boolean) {
  if (text === undefined) return undefined;
  const value = Number(text);
  const shaped = whole ? /^\s*-?\d+\s*$/.test(text) : text.trim() !== '';
  if (!shaped || !Number.isFinite(value) || value < min || value > max) {
    throw new UsageError(
      `--${name} must be a ${whole ? 'whole number' : 'number'} from ${min} to ${max}, not "${text}".`,
    );
  }
  return value;
}

export function integerOption(
  name: string,
  text: string | undefined,
  min: number,
  max: number,
): number | undefined {
  return numeric(name, text, min, max, true);
}

export function numberOption(
  name: string,
  text: string | undefined,
  min: number,
  max: number,
): number | undefined {
  return numeric(name, text, min, max, false);
}

export function choiceOption<T extends string>(
  name: string,
  text: string | undefined,
  choices: readonly T[],
): T | undefined {
  if (text === undefined) return undefined;
  const found = choices.find((choice) => choice === text);
  if (found === undefined)
    throw new UsageError(`--${name} must be one of ${choices.join(', ')}, not "${text}".`);
  return found;
}
