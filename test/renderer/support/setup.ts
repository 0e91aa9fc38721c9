import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { initI18n } from '../../../src-renderer/i18n';

// Components render English, the language the specs read; the locale test checks Chinese has every key.
await initI18n('en');

// jsdom has no layout, so it has no ResizeObserver; Radix's menus and the grid only need it to exist.
class InertResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (!('ResizeObserver' in globalThis)) globalThis.ResizeObserver = InertResizeObserver;

// Nor pointer capture, which Radix's toasts use for swiping; a click only needs the calls to exist.
if (!('hasPointerCapture' in Element.prototype)) {
  Object.assign(Element.prototype, {
    hasPointerCapture: () => false,
    setPointerCapture: () => undefined,
    releasePointerCapture: () => undefined,
  });
}

// Testing Library cleans up by itself only with Vitest's globals, which this project leaves off.
afterEach(() => {
  cleanup();
});

// Nor scrolling, which Radix's Select asks for to bring the chosen option into view.
if (!('scrollIntoView' in Element.prototype)) {
  Object.assign(Element.prototype, { scrollIntoView: () => undefined });
}
