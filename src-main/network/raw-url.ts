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

/** RFC 3986 §5.2.4 on a raw path: `.` and `..` segments go, nothing is decoded or re-encoded. */
function removeDotSegments(path: string): string {
  if (!/(^|\/)\.\.?(\/|$)/.test(path)) return path;
  const input = path.split('/');
  const output: string[] = [];
  input.forEach((segment, index) => {
    const last = index === input.length - 1;
    if (segment === '.' || segment === '..') {
      if (segment === '..' && output.length > 1) output.pop();
      if (last) output.push('');
    } else output.push(segment);
  });
  return output.join('/');
}

function withCleanPath(origin: string, pathAndQuery: string): string {
  const query = pathAndQuery.indexOf('?');
  const path = query === -1 ? pathAndQuery : pathAndQuery.slice(0, query);
  const rest = query === -1 ? '' : pathAndQuery.slice(query);
  return `${origin}${removeDotSegments(path === '' ? '/' : path)}${rest}`;
}

/**
 * Where a `Location` points, resolved against the address that answered as RFC 3986 §5.2 says (`//host/x` is
 * another host, `x` is relative to the folder), without decoding or re-encoding anything: a signed link stays
 * byte for byte what the server wrote. Undefined when `base` is not an http(s) address.
 */
export function resolveLocation(base: string, location: string): string | undefined {
  const match = urlPattern.exec(base);
  if (!match || !splitRawUrl(base)) return undefined;
  const [, scheme = '', authority = ''] = match;
  const reference = location.split('#')[0] ?? '';
  if (/^[a-z][a-z0-9+.-]*:/i.test(reference)) return reference;
  if (reference.startsWith('//')) return `${scheme}:${reference}`;
  const origin = `${scheme}://${authority}`;
  const basePath = splitRawUrl(base)?.path ?? '/';
  if (reference === '') return `${origin}${basePath}`;
  if (reference.startsWith('/')) return withCleanPath(origin, reference);
  const baseFolder = (basePath.split('?')[0] ?? '/').replace(/[^/]*$/, '');
  if (reference.startsWith('?')) return `${origin}${basePath.split('?')[0] ?? '/'}${reference}`;
  return withCleanPath(origin, `${baseFolder}${reference}`);
}
