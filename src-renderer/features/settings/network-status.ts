import type { NetworkStatus } from '../../../src-preload/contract/ipc';

/** Which sentence describes the way to the gateway (a key under `network.status`); null while it is unusable. */
export function networkStatusKey(
  status: NetworkStatus,
): 'systemDirect' | 'systemProxy' | 'manualProxy' | 'manualDirect' | null {
  if (status.problem !== null) return null;
  if (status.source === 'system') return status.proxy === null ? 'systemDirect' : 'systemProxy';
  return status.proxy === null ? 'manualDirect' : 'manualProxy';
}
