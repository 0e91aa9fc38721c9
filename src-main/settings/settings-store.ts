import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { defaultGatewayUrl } from '../../src-preload/contract/gateway';
import { gatewayProfile } from '../../src-preload/contract/gateway-profiles';
import { appError, AppFailure } from '../../src-preload/contract/errors';
import { settingsSchema, type Settings } from '../../src-preload/contract/ipc';
import { normalizeProxyUrl } from '../network/proxy-choice';

export const defaultSettings: Settings = {
  apiBaseUrl: defaultGatewayUrl,
  progressiveResults: false,
  language: 'system',
  proxyMode: 'system',
  proxyUrl: '',
  gatewayKind: 'cometapi',
  dailyBudgetMicros: null,
  monthlyBudgetMicros: null,
  balanceCheck: false,
  queueConcurrency: 2,
  queueRequestsPerMinute: 20,
};

/** Picking a gateway profile fills in its documented address, unless the same change names one. */
function withProfileAddress(change: Partial<Settings>): Partial<Settings> {
  // A field sent as undefined (zod's partial parse lets one through) means "unchanged", not "cleared".
  const fields: Record<string, unknown> = change;
  const patch = Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Partial<Settings>;
  if (patch.gatewayKind === undefined || patch.apiBaseUrl !== undefined) return patch;
  const address = gatewayProfile(patch.gatewayKind).defaultBaseUrl;
  return address === null ? patch : { ...patch, apiBaseUrl: address };
}

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

/** A manual proxy must be usable; it is stored as `scheme://[user:password@]host:port`. */
function checkedProxyUrl(settings: Settings): string {
  if (settings.proxyMode === 'system' && settings.proxyUrl === '') return '';
  const normalized = normalizeProxyUrl(settings.proxyUrl);
  if ('url' in normalized) return normalized.url;
  if (settings.proxyMode === 'system') return settings.proxyUrl;
  throw new AppFailure(appError('invalid-input', normalized.problem, { field: 'proxyUrl' }));
}

/**
 * `overrides` (e.g. SEEDREAM_API_BASE_URL for tests and headless use) win until the user changes that field;
 * they are never written to the file.
 */
export function createSettingsStore(file: string, overrides: Partial<Settings> = {}): SettingsStore {
  let persisted = readSettingsFile(file);
  // An override passes the same checks as a saved value: a test address is still https or loopback.
  let active: Partial<Settings> = settingsSchema.partial().parse(overrides);
  return {
    get: () => ({ ...persisted, ...active }),
    update: (change) => {
      const patch = withProfileAddress(change);
      const next = settingsSchema.parse({ ...persisted, ...patch });
      persisted = { ...next, proxyUrl: checkedProxyUrl(next) };
      active = Object.fromEntries(Object.entries(active).filter(([key]) => !(key in patch)));
      mkdirSync(dirname(file), { recursive: true });
      const temp = `${file}.tmp`;
      writeFileSync(temp, JSON.stringify(persisted, null, 2));
      renameSync(temp, file);
      return { ...persisted, ...active };
    },
  };
}
