import { describe, expect, it } from 'vitest';
import {
  bypassesProxy,
  describeProxy,
  environmentProxy,
  isLoopbackHost,
  manualProxy,
  normalizeProxyUrl,
  parsePacResult,
} from '../../src-main/network/proxy-choice';

describe('parsePacResult (Electron resolveProxy answers)', () => {
  it.each([
    ['DIRECT', { kind: 'direct' }],
    ['', { kind: 'direct' }],
    ['PROXY proxy.corp:8080', { kind: 'proxy', url: 'http://proxy.corp:8080' }],
    ['PROXY proxy.corp:8080; DIRECT', { kind: 'proxy', url: 'http://proxy.corp:8080' }],
    ['HTTPS secure.corp:443', { kind: 'proxy', url: 'https://secure.corp:443' }],
    ['SOCKS5 socks.corp:1080', { kind: 'proxy', url: 'socks5://socks.corp:1080' }],
    ['  proxy  a.corp:3128 ;PROXY b.corp:3128', { kind: 'proxy', url: 'http://a.corp:3128' }],
    ['SOCKS4 old.corp:1080; PROXY next.corp:80', { kind: 'proxy', url: 'http://next.corp:80' }],
    ['QUIC fast.corp:443; DIRECT', { kind: 'direct' }],
  ])('reads %j', (text, expected) => {
    expect(parsePacResult(text)).toEqual(expected);
  });

  it('says which proxies it cannot use when none is usable', () => {
    const choice = parsePacResult('SOCKS old.corp:1080; QUIC fast.corp:443');
    expect(choice.kind).toBe('unusable');
    expect(choice.kind === 'unusable' && choice.reason).toContain('SOCKS, QUIC');
  });
});

describe('environmentProxy (command line and tests)', () => {
  const env = {
    HTTPS_PROXY: 'http://user:p%40ss@proxy.corp:8080',
    http_proxy: 'plain.corp:3128',
    NO_PROXY: 'localhost, .internal.corp ,exact.example:8443,[::1]',
  };
  const route = environmentProxy(env);

  it('takes HTTPS_PROXY for https, http_proxy for http, adding http:// when the scheme is left out', async () => {
    expect(await route('https://api.cometapi.com/v1/models')).toEqual({
      kind: 'proxy',
      url: 'http://user:p%40ss@proxy.corp:8080',
    });
    expect(await route('http://gateway.example/v1')).toEqual({
      kind: 'proxy',
      url: 'http://plain.corp:3128',
    });
  });

  it('goes direct for what NO_PROXY names: hosts, domain suffixes, host:port, IPv6', async () => {
    for (const url of [
      'https://localhost:9000/x',
      'https://cdn.internal.corp/x',
      'https://internal.corp/x',
      'https://exact.example:8443/x',
      'https://[::1]:8443/x',
    ]) {
      expect(await route(url), url).toEqual({ kind: 'direct' });
    }
    expect(await route('https://exact.example/x')).toMatchObject({ kind: 'proxy' });
    expect(await route('https://notinternal.corp/x')).toMatchObject({ kind: 'proxy' });
  });

  it('prefers the lower-case variable, as curl does, and goes direct with none set', async () => {
    expect(
      await environmentProxy({ https_proxy: 'http://a:1', HTTPS_PROXY: 'http://b:2' })('https://x/'),
    ).toEqual({
      kind: 'proxy',
      url: 'http://a:1',
    });
    expect(await environmentProxy({})('https://x/')).toEqual({ kind: 'direct' });
    expect(await environmentProxy({ HTTPS_PROXY: 'http://a:1', NO_PROXY: '*' })('https://x/')).toEqual({
      kind: 'direct',
    });
  });

  it('says which variable is unusable', async () => {
    const choice = await environmentProxy({ HTTPS_PROXY: 'ftp://proxy:21' })('https://x/');
    expect(choice).toMatchObject({ kind: 'unusable' });
    expect(choice.kind === 'unusable' && choice.reason).toContain('HTTPS_PROXY');
  });
});

describe('manualProxy (Settings)', () => {
  it('sends every address through the proxy except loopback ones', async () => {
    const route = manualProxy('proxy.corp:8080');
    expect(await route('https://api.cometapi.com/v1')).toEqual({
      kind: 'proxy',
      url: 'http://proxy.corp:8080',
    });
    for (const url of [
      'http://127.0.0.1:3000/v1',
      'http://localhost/v1',
      'http://[::1]:80/',
      'http://a.localhost/',
    ]) {
      expect(await route(url), url).toEqual({ kind: 'direct' });
    }
  });

  it('reports an unusable address instead of going direct behind the user’s back', async () => {
    expect(await manualProxy('not a proxy')('https://api.cometapi.com/')).toMatchObject({ kind: 'unusable' });
  });
});

describe('proxy addresses', () => {
  it('normalizes what people type and refuses what cannot be a proxy', () => {
    expect(normalizeProxyUrl(' proxy.corp:8080 ')).toEqual({ url: 'http://proxy.corp:8080' });
    expect(normalizeProxyUrl('socks://s.corp:1080')).toEqual({ url: 'socks5://s.corp:1080' });
    expect(normalizeProxyUrl('https://u:p@secure.corp')).toEqual({ url: 'https://u:p@secure.corp' });
    for (const bad of ['', 'ftp://x:21', 'http://proxy.corp:8080/path', 'http://', 'http://a b']) {
      expect(normalizeProxyUrl(bad), bad).toHaveProperty('problem');
    }
  });

  it('never shows credentials', () => {
    expect(describeProxy('http://user:secret@proxy.corp:8080')).toBe('http://proxy.corp:8080');
  });

  it('knows loopback hosts', () => {
    expect(['localhost', '127.0.0.1', '127.9.8.7', '::1', '[::1]', 'x.localhost'].every(isLoopbackHost)).toBe(
      true,
    );
    expect(['128.0.0.1', 'localhost.example', '::2'].some(isLoopbackHost)).toBe(false);
    expect(bypassesProxy('', 'anything', 80)).toBe(false);
  });
});
