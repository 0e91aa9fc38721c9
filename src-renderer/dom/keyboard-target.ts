/** Keys typed into a text field belong to the field, not to the grid's or the view's shortcuts. */
export function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/** Keys pressed inside a dialog (or an open menu) are its own; the view behind it should not react. */
export function isInDialog(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    target.closest('[role="dialog"], [role="alertdialog"], [role="menu"]') !== null
  );
}

/**
 * Whether pasting here means text: text areas, editable content and text-like inputs, not checkboxes,
 * buttons or file pickers.
 */
export function acceptsText(element: Element | null): boolean {
  if (!(element instanceof HTMLElement)) return false;
  if (element.isContentEditable || element instanceof HTMLTextAreaElement) return true;
  return (
    element instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'file'].includes(element.type)
  );
}
