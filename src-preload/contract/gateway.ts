import { z } from 'zod';

/**
 * Where the API key may be sent. The key travels in an `Authorization` header, so the address must be `https:`;
 * plain `http:` is only for this computer (a local proxy, the test fake), where nothing crosses a network.
 * Pure, so main, the command line and the renderer apply the very same rule.
 */
export const defaultGatewayUrl = 'https://api.cometapi.com';

const notAnAddress = `Enter a full address that starts with https://, such as ${defaultGatewayUrl}.`;

/** 127.0.0.0/8, ::1 and localhost, as WHATWG URL parsing normalises them (`127.1` and `[0::1]` included). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

/** Why an address cannot be a gateway, in words for people; null when it can. */
export function gatewayProblem(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return notAnAddress;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return notAnAddress;
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return `Plain http:// would send your API key unencrypted, so it is only allowed for this computer (localhost, 127.0.0.1, ::1). Use https://${url.host}${url.pathname === '/' ? '' : url.pathname} instead.`;
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    return 'A gateway address cannot contain a user name, a password, "?" or "#".';
  }
  return null;
}

/**
 * The one spelling of a valid address that every part of the app uses: scheme, host and port as URL parsing
 * normalises them, the path without a trailing slash. The HTTP client and the key's origin are both derived
 * from this string, so no two parsers can disagree about which host it names.
 */
export function canonicalGatewayUrl(address: string): string {
  const url = new URL(address);
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/** The origin a key is bound to (`https://api.cometapi.com`, `http://127.0.0.1:8080`); null if not a URL. */
export function gatewayOrigin(address: string): string | null {
  try {
    return new URL(address).origin;
  } catch {
    return null;
  }
}

export const gatewayUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .superRefine((address, context) => {
    const problem = gatewayProblem(address);
    if (problem !== null) context.addIssue({ code: 'custom', message: problem });
  })
  .transform(canonicalGatewayUrl);
