import { buildBridge } from '../../../src-preload/bridge';
import type { EventName } from '../../../src-preload/contract/ipc';
import { decodeFromTransport, encodeForTransport } from '../support/transport-codec';

/**
 * The Chromium driver's stand-in for src-preload/index.ts: the same bridge, carried over Playwright bindings
 * instead of ipcRenderer. Bundled and injected before any page script runs.
 */
declare global {
  interface Window {
    __seedreamInvoke: (channel: string, input: unknown) => Promise<unknown>;
    __seedreamDeliver: (event: string, payload: unknown) => void;
  }
  interface Uint8Array {
    toBase64(): string;
  }
  interface Uint8ArrayConstructor {
    fromBase64(text: string): Uint8Array;
  }
}

const base64 = {
  encode: (bytes: Uint8Array) => bytes.toBase64(),
  decode: (text: string) => Uint8Array.fromBase64(text),
};
const invoke = window.__seedreamInvoke;
const listeners = new Map<string, Set<(payload: unknown) => void>>();

Object.defineProperty(window, '__seedreamDeliver', {
  value: (event: string, payload: unknown) => {
    const decoded = decodeFromTransport(payload, base64);
    for (const listener of listeners.get(event) ?? []) listener(decoded);
  },
});

const api = buildBridge({
  invoke: async (channel, input) =>
    decodeFromTransport(await invoke(channel, encodeForTransport(input, base64)), base64),
  subscribe: (event: EventName, listener) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
});

Object.defineProperty(window, 'seedream', { value: api, enumerable: true });
