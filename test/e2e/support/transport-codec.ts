/**
 * Playwright bindings carry values through the DevTools protocol, while Electron's IPC carries structured clones
 * in one message. The Chromium driver sends each value as one JSON string: the page parses it with JSON.parse,
 * instead of the protocol building a large answer (a page of 500 library images) object by object inside one
 * renderer task, which made the driver, not the app, the longest task while scrolling. Byte arrays (the only
 * non-JSON values the contract uses) travel as base64, so both drivers hand handlers the same values.
 */
export type Base64 = { encode: (bytes: Uint8Array) => string; decode: (text: string) => Uint8Array };

const bytesTag = '__seedreamBytes';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** `undefined` (a channel without input) is the empty string, which no JSON value is. */
export function encodeForTransport(value: unknown, base64: Base64): string {
  if (value === undefined) return '';
  return JSON.stringify(value, (_key, item: unknown) =>
    item instanceof Uint8Array ? { [bytesTag]: base64.encode(item) } : item,
  );
}

export function decodeFromTransport(text: unknown, base64: Base64): unknown {
  if (typeof text !== 'string') throw new TypeError('The Chromium driver carries values as strings.');
  if (text === '') return undefined;
  return JSON.parse(text, (_key, item: unknown) => {
    if (!isRecord(item)) return item;
    const tagged = item[bytesTag];
    return typeof tagged === 'string' ? base64.decode(tagged) : item;
  });
}
