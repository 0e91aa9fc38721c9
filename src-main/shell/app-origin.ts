/**
 * `URL.origin` is "null" for custom schemes such as app://, so origins are compared as scheme plus host.
 * Returns null for anything that does not parse.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}
