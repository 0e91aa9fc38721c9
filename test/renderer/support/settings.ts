import type { Settings } from '../../../src-preload/contract/ipc';

/** Settings as a fresh install has them; only what a test names differs. */
export function testSettings(patch: Partial<Settings> = {}): Settings {
  return {
    apiBaseUrl: 'https://api.cometapi.com',
    progressiveResults: false,
    language: 'en',
    proxyMode: 'system',
    proxyUrl: '',
    gatewayKind: 'cometapi',
    dailyBudgetMicros: null,
    monthlyBudgetMicros: null,
    balanceCheck: false,
    queueConcurrency: 2,
    queueRequestsPerMinute: 20,
    ...patch,
  };
}
