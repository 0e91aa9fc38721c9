/**
 * Playwright bindings carry JSON, while Electron's IPC carries structured clones. The Chromium driver wraps
 * byte arrays (the only non-JSON values the contract uses) so both drivers hand handlers the same values.
 */
type Base64 = { encode: (bytes: Uint8Array) => string; decode: (text: string) => Uint8Array };

const bytesTag = '__seedreamBytes';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function encodeForTransport(value: unknown, base64: Base64): unknown {
  if (value instanceof Uint8Array) return { [bytesTag]: base64.encode(value) };
  if (Array.isArray(value)) return value.map((item) => encodeForTransport(item, base64));
  if (isRecord(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, encodeForTransport(item, base64)]),
    );
  }
  return value;
}

export function decodeFromTransport(value: unknown, base64: Base64): unknown {
  if (Array.isArray(value)) return value.map((item) => decodeFromTransport(item, base64));
  if (isRecord(value)) {
    const tagged = value[bytesTag];
    if (typeof tagged === 'string') return base64.decode(tagged);
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, decodeFromTransport(item, base64)]),
    );
  }
  return value;
}
