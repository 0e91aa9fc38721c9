import { describe, expect, it } from 'vitest';
import { networkStatusKey } from '../../../../src-renderer/features/settings/network-status';

describe('networkStatusKey', () => {
  it('says who decided and whether a proxy is used', () => {
    expect(networkStatusKey({ source: 'system', proxy: null, problem: null })).toBe('systemDirect');
    expect(networkStatusKey({ source: 'system', proxy: 'http://p:1', problem: null })).toBe('systemProxy');
    expect(networkStatusKey({ source: 'manual', proxy: 'http://p:1', problem: null })).toBe('manualProxy');
    expect(networkStatusKey({ source: 'manual', proxy: null, problem: null })).toBe('manualDirect');
  });

  it('leaves the sentence out when the settings cannot be used, so the problem shows instead', () => {
    expect(networkStatusKey({ source: 'system', proxy: null, problem: 'SOCKS4 only' })).toBeNull();
  });
});
