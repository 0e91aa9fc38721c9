/**
 * Splits an http(s) URL into what `node:http` needs while keeping the path and query exactly as written.
 * Signed storage links break if anything re-encodes, decodes or reorders them (WHATWG URL parsing changes
 * `'`, `{`, backticks and spaces), so no URL parser ever sees the path.
 */
export interface RawTarget {
  protocol: 'http:' | 'https:';
  hostname: string;
  port: number;
  /** Path plus query, byte for byte as in the URL. */
  path: string;
}

const urlPattern = /^(https?):\/\/([^/?#]+)([^#]*)/i;
const authorityPattern = /^(?:\[([0-9a-f:.]+)\]|([^:[\]@]+))(?::(\d{1,5}))?$/i;

export function splitRawUrl(url: string): RawTarget | undefined {
  const match = urlPattern.exec(url);
  if (!match) return undefined;
  const [, scheme = '', authority = '', rest = ''] = match;
  const host = authorityPattern.exec(authority);
  if (!host) return undefined;
  const protocol = scheme.toLowerCase() === 'https' ? 'https:' : 'http:';
  const port = host[3] === undefined ? (protocol === 'https:' ? 443 : 80) : Number(host[3]);
  if (port < 1 || port > 65_535) return undefined;
  const path = rest === '' ? '/' : rest.startsWith('?') ? `/${rest}` : rest;
  return { protocol, hostname: host[1] ?? host[2] ?? '', port, path };
}

/**
 * Joins a configured base URL and an API path that starts with `/v1/`. People paste the base with or without
 * a trailing slash or `/v1`; all of those mean the same gateway.
 */
export function joinBaseUrl(baseUrl: string, apiPath: string): string {
  return `${baseUrl.trim().replace(/\/+$/, '').replace(/\/v1$/i, '')}${apiPath}`;
}
