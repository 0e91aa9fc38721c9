import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { settingsSchema, type Settings } from '../../src-preload/contract/ipc';

export const defaultSettings: Settings = {
  apiBaseUrl: 'https://api.cometapi.com',
  progressiveResults: false,
  language: 'system',
};

export interface SettingsStore {
  get(): Settings;
  update(patch: Partial<Settings>): Settings;
}

/**
 * Settings live in one small JSON file. A damaged or older file never blocks start-up: each field that does not
 * parse falls back to its default, and the rest is kept.
 */
export function readSettingsFile(file: string): Settings {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { ...defaultSettings };
  }
  const result: Settings = { ...defaultSettings };
  if (typeof raw !== 'object' || raw === null) return result;
  const fields = settingsSchema.shape;
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(fields) as (keyof Settings)[]) {
    const parsed = fields[key].safeParse(record[key]);
    if (parsed.success) Object.assign(result, { [key]: parsed.data });
  }
  return result;
}

export function createSettingsStore(file: string, overrides: Partial<Settings> = {}): SettingsStore {
  let current: Settings = { ...readSettingsFile(file), ...overrides };
  return {
    get: () => current,
    update: (patch) => {
      current = settingsSchema.parse({ ...current, ...patch });
      mkdirSync(dirname(file), { recursive: true });
      const temp = `${file}.tmp`;
      writeFileSync(temp, JSON.stringify(current, null, 2));
      renameSync(temp, file);
      return current;
    },
  };
}
