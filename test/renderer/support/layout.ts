import { afterEach, beforeEach } from 'vitest';

/**
 * jsdom lays nothing out, so every box is 0 x 0 and the virtual grid would show no rows. Tests of laid-out
 * views give every element one size (a window's worth), enough for the grid to place its first rows.
 */
export function withLayout(width = 1000, height = 700): void {
  const saved = new Map<string, PropertyDescriptor | undefined>();
  const sizes: Record<string, number> = {
    clientWidth: width,
    clientHeight: height,
    offsetWidth: width,
    offsetHeight: height,
  };
  beforeEach(() => {
    for (const [name, value] of Object.entries(sizes)) {
      saved.set(name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name));
      Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => value });
    }
    saved.set(
      'getBoundingClientRect',
      Object.getOwnPropertyDescriptor(Element.prototype, 'getBoundingClientRect'),
    );
    Object.defineProperty(Element.prototype, 'getBoundingClientRect', {
      configurable: true,
      value: () => new DOMRect(0, 0, width, height),
    });
  });
  afterEach(() => {
    for (const [name, descriptor] of saved) {
      const target = name === 'getBoundingClientRect' ? Element.prototype : HTMLElement.prototype;
      if (descriptor) Object.defineProperty(target, name, descriptor);
      else Reflect.deleteProperty(target, name);
    }
    saved.clear();
  });
}
