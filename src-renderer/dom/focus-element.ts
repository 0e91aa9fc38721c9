/** Moves the focus to the element with this id, opening the folded `<details>` it may sit in. */
export function focusElementById(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  const folded = element.closest('details');
  if (folded) folded.open = true;
  element.focus();
}
