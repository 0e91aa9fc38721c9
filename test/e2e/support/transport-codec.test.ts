import { describe, expect, it } from 'vitest';
import { decodeFromTransport, encodeForTransport, type Base64 } from './transport-codec';

const base64: Base64 = {
  encode: (bytes) => Buffer.from(bytes).toString('base64'),
  decode: (text) => new Uint8Array(Buffer.from(text, 'base64')),
};

describe('the Chromium driver transport', () => {
  it('carries a value as one string and brings back the same value, byte arrays included', () => {
    const value = {
      files: [{ name: '猫 & fox.png', bytes: new Uint8Array([0, 1, 254, 255]) }],
      page: { items: [{ id: 1, prompt: 'a "quoted" prompt', favorite: false, tags: [] }], nextCursor: null },
    };
    const text = encodeForTransport(value, base64);
    expect(typeof text).toBe('string');
    expect(decodeFromTransport(text, base64)).toEqual(value);
  });

  it('keeps an absent input absent', () => {
    expect(decodeFromTransport(encodeForTransport(undefined, base64), base64)).toBeUndefined();
  });

  it('refuses anything but a string, so a caller that skipped the encoding is caught', () => {
    expect(() => decodeFromTransport({ id: 1 }, base64)).toThrow(/as strings/);
  });
});
