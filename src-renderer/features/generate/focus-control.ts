import type { GenerationField } from '../../../src-preload/contract/generation';
import { controlIdFor } from './control-ids';

/** Moves focus to the control a problem is about, opening the Advanced section when it is folded away. */
export function focusControl(field: GenerationField): void {
  const control = document.getElementById(controlIdFor(field));
  if (!control) return;
  const folded = control.closest('details');
  if (folded) folded.open = true;
  control.focus();
}
