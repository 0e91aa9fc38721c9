import { describe, expect, it } from 'vitest';
import { joinBaseUrl, splitRawUrl } from '../../src-main/network/raw-url';

describe('splitRawUrl', () => {
  it('keeps the path and query exactly as written', () => {
    const url =
      "https://bucket.tos-cn-beijing.volces.com/a%2fb/img.jpeg?X-Tos-Credential=AK%2F2025&x=it's&y=%3d";
    expect(splitRawUrl(url)).toEqual({
      protocol: 'https:',
      hostname: 'bucket.tos-cn-beijing.volces.com',
      port: 443,
      path: "/a%2fb/img.jpeg?X-Tos-Credential=AK%2F2025&x=it's&y=%3d",
    });
  });

  it('handles ports, IPv6 hosts, bare queries and fragments', () => {
    expect(splitRawUrl('http://127.0.0.1:8080')).toMatchObject({ port: 8080, path: '/' });
    expect(splitRawUrl('http://[::1]:9000/x')).toMatchObject({ hostname: '::1', port: 9000, path: '/x' });
    expect(splitRawUrl('http://host?a=1#frag')).toMatchObject({ path: '/?a=1' });
  });

  it('refuses what is not a plain http(s) URL', () => {
    expect(splitRawUrl('ftp://host/x')).toBeUndefined();
    expect(splitRawUrl('http://user:pw@host/x')).toBeUndefined();
    expect(splitRawUrl('http://host:99999/')).toBeUndefined();
    expect(splitRawUrl('not a url')).toBeUndefined();
  });
});

describe('joinBaseUrl', () => {
  it('accepts a base with or without a trailing slash or /v1', () => {
    for (const base of [
      'https://api.cometapi.com',
      'https://api.cometapi.com/',
      'https://api.cometapi.com/v1/',
    ]) {
      expect(joinBaseUrl(base, '/v1/models')).toBe('https://api.cometapi.com/v1/models');
    }
    expect(joinBaseUrl('https://gw.example/proxy', '/v1/models')).toBe('https://gw.example/proxy/v1/models');
  });
});
