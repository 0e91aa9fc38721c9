import { splitRawUrl } from './raw-url';

/**
 * Which way one request leaves the machine. Who decides: in the app, Chromium's own resolution (system settings,
 * PAC scripts) through Electron, unless the user set a manual proxy in Settings; in the command line and in
 * tests, the HTTPS_PROXY / HTTP_PROXY / NO_PROXY environment variables, as curl reads them.
 */
export type ProxyChoice =
  | { kind: 'direct' }
  /** `url` is `http://`, `https://` or `socks5://`, credentials included when the setting had them. */
  | { kind: 'proxy'; url: string }
  /** The settings name a proxy this app cannot use; `reason` says which, in plain words. */
  | { kind: 'unusable'; reason: string };

export type ProxyResolver = (url: string) => Promise<ProxyChoice>;

const direct: ProxyChoice = { kind: 'direct' };

/** `localhost`, `*.localhost`, 127.0.0.0/8 and ::1: never sent through a proxy by the app, as Chromium does. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
  return /^127(\.\d{1,3}){3}$/.test(host);
}

const pacSchemes: Record<string, string | undefined> = {
  proxy: 'http',
  http: 'http',
  https: 'https',
  socks5: 'socks5',
};

/**
 * Reads the answer of Electron's `session.resolveProxy`, Chromium's PAC-style list such as
 * `PROXY proxy.corp:8080; DIRECT` (entries `DIRECT`, `PROXY`, `HTTPS`, `SOCKS`, `SOCKS4`, `SOCKS5`, `QUIC`).
 * The first entry this app can use wins; SOCKS4 and QUIC are skipped, since undici speaks neither.
 */
export function parsePacResult(text: string): ProxyChoice {
  const skipped: string[] = [];
  for (const entry of text.split(';')) {
    const [type = '', endpoint] = entry.trim().split(/\s+/, 2);
    if (type === '') continue;
    if (type.toUpperCase() === 'DIRECT') return direct;
    const scheme = pacSchemes[type.toLowerCase()];
    if (scheme && endpoint) return { kind: 'proxy', url: `${scheme}://${endpoint}` };
    skipped.push(type.toUpperCase());
  }
  if (skipped.length === 0) return direct;
  return {
    kind: 'unusable',
    reason: `The system proxy settings name only proxies this app cannot use (${[...new Set(skipped)].join(', ')}). Set a manual HTTP or SOCKS5 proxy in Settings.`,
  };
}

/** A proxy address as typed by a person or set in the environment: the scheme may be left out (HTTP). */
export function normalizeProxyUrl(text: string): { url: string } | { problem: string } {
  const trimmed = text.trim();
  if (trimmed === '')
    return { problem: 'Enter the address of the proxy, such as http://proxy.example.com:8080.' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    return { problem: `"${trimmed}" is not a proxy address such as http://proxy.example.com:8080.` };
  }
  const scheme = parsed.protocol === 'socks:' ? 'socks5:' : parsed.protocol;
  if (!['http:', 'https:', 'socks5:'].includes(scheme)) {
    return { problem: 'A proxy address starts with http://, https:// or socks5://.' };
  }
  if (parsed.hostname === '' || (parsed.pathname !== '/' && parsed.pathname !== '') || parsed.search !== '') {
    return { problem: `"${trimmed}" is not a proxy address such as http://proxy.example.com:8080.` };
  }
  const credentials =
    parsed.username === '' ? '' : `${parsed.username}${parsed.password ? `:${parsed.password}` : ''}@`;
  return { url: `${scheme}//${credentials}${parsed.host}` };
}

/** A proxy address to show: scheme, host and port, never the credentials. */
export function describeProxy(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'an unreadable proxy address';
  }
}

/** The manual proxy from Settings, for every address except loopback ones. */
export function manualProxy(url: string): ProxyResolver {
  const normalized = normalizeProxyUrl(url);
  return (target) => {
    if (isLoopbackHost(splitRawUrl(target)?.hostname ?? '')) return Promise.resolve(direct);
    if ('problem' in normalized) return Promise.resolve({ kind: 'unusable', reason: normalized.problem });
    return Promise.resolve({ kind: 'proxy', url: normalized.url });
  };
}

/** Whether NO_PROXY (curl's rules: `*`, host names, domain suffixes with or without a dot, optional port) skips `host`. */
export function bypassesProxy(noProxy: string, hostname: string, port: number): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry);
    if (!match) continue;
    const name = (match[1] ?? '').replace(/^\[|\]$/g, '').replace(/^\*?\./, '');
    if (match[2] !== undefined && Number(match[2]) !== port) continue;
    if (host === name || host.endsWith(`.${name}`)) return true;
  }
  return false;
}

/** The proxy the environment names for `url`; lower-case names win, as in curl. */
export function environmentProxy(env: Readonly<Record<string, string | undefined>>): ProxyResolver {
  return (url) => {
    const target = splitRawUrl(url);
    if (!target) return Promise.resolve(direct);
    const secure = target.protocol === 'https:';
    const setting = (
      secure ? (env.https_proxy ?? env.HTTPS_PROXY) : (env.http_proxy ?? env.HTTP_PROXY)
    )?.trim();
    if (!setting) return Promise.resolve(direct);
    if (bypassesProxy(env.no_proxy ?? env.NO_PROXY ?? '', target.hostname, target.port)) {
      return Promise.resolve(direct);
    }
    const normalized = normalizeProxyUrl(setting);
    if ('problem' in normalized) {
      const variable = secure ? 'HTTPS_PROXY' : 'HTTP_PROXY';
      return Promise.resolve({
        kind: 'unusable',
        reason: `${variable} is not usable: ${normalized.problem}`,
      });
    }
    return Promise.resolve({ kind: 'proxy', url: normalized.url });
  };
}
