import { describe, expect, it } from 'vitest';
import {
  canonicalGatewayUrl,
  gatewayOrigin,
  gatewayProblem,
  gatewayUrlSchema,
  isLoopbackHost,
} from '../../src-preload/contract/gateway';
import { settingsSchema } from '../../src-preload/contract/ipc';

describe('gateway addresses', () => {
  it('accepts https anywhere and plain http only on this computer', () => {
    for (const address of [
      'https://api.cometapi.com',
      'https://gw.example:8443/v1',
      'http://127.0.0.1:8080',
      'http://127.45.6.7',
      'http://localhost:3000/',
      'http://[::1]:9000',
      'http://127.1:8080',
    ]) {
      expect(gatewayProblem(address), address).toBeNull();
    }
  });

  it('refuses plain http to another host, saying why', () => {
    for (const address of [
      'http://api.cometapi.com',
      'http://10.0.0.5',
      'http://192.168.1.2:8080',
      'http://localhost.evil.example',
      'http://127.0.0.1.nip.io',
      'http://[::2]',
      'http://128.0.0.1',
    ]) {
      expect(gatewayProblem(address), address).toMatch(/only allowed for this computer.*Use https:\/\//);
    }
  });

  it('refuses other schemes, credentials, queries and fragments', () => {
    expect(gatewayProblem('ftp://example.com')).toMatch(/starts with https:\/\//);
    expect(gatewayProblem('not a url')).toMatch(/starts with https:\/\//);
    expect(gatewayProblem('file:///etc/passwd')).toMatch(/starts with https:\/\//);
    expect(gatewayProblem('https://user:pw@gw.example')).toMatch(/user name/);
    expect(gatewayProblem('https://gw.example/?redirect=http://evil')).toMatch(/"\?"/);
    expect(gatewayProblem('https://gw.example/#x')).toMatch(/"#"/);
  });

  it('knows loopback hosts in their normalised spelling only', () => {
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('localhost.')).toBe(false);
    expect(isLoopbackHost('127.0.0.1.example')).toBe(false);
  });

  it('stores one canonical spelling, so the HTTP client and the key origin see the same host', () => {
    expect(canonicalGatewayUrl('HTTPS://API.CometAPI.com:443/v1/')).toBe('https://api.cometapi.com/v1');
    expect(canonicalGatewayUrl('http://127.1:80')).toBe('http://127.0.0.1');
    // WHATWG parsing reads a backslash as a slash: the canonical form makes that explicit.
    expect(canonicalGatewayUrl('http://127.0.0.1\\@evil.example')).toBe('http://127.0.0.1/@evil.example');
    expect(gatewayUrlSchema.parse('  https://gw.example/  ')).toBe('https://gw.example');
    expect(gatewayOrigin('https://gw.example:8443/v1')).toBe('https://gw.example:8443');
    expect(gatewayOrigin('nonsense')).toBeNull();
  });

  it('is the rule settings:update applies', () => {
    const refused = settingsSchema.partial().safeParse({ apiBaseUrl: 'http://attacker.example' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/unencrypted/);
    expect(settingsSchema.partial().parse({ apiBaseUrl: 'http://localhost:1/' })).toEqual({
      apiBaseUrl: 'http://localhost:1',
    });
  });
});
