/**
 * Opens the context menu of an element from the keyboard (the menu key, Shift+F10): a `contextmenu` event at
 * its centre, which Radix's context menu takes as it takes a right-click. The key's own event is cancelled by
 * the caller, so the system does not send a second one.
 */
export function openContextMenuOf(element: Element): void {
  const box = element.getBoundingClientRect();
  element.dispatchEvent(
    new MouseEvent('contextmenu', {
      bubbles: true,
      cancelable: true,
      clientX: box.left + box.width / 2,
      clientY: box.top + box.height / 2,
    }),
  );
}
