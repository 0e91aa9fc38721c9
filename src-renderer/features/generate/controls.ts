import type { GenerationField } from '../../../src-preload/contract/generation';
import { focusElementById } from '../../dom/focus-element';

/* The workspace's controls by the request field they edit: their element ids, and moving the focus to one. */

/** One control edits both of these: the image count decides whether a sequence is asked for. */
const sharedControls: Partial<Record<GenerationField, GenerationField>> = { sequential: 'maxImages' };

/** Every workspace control that an issue or error can name has this id, so it can be focused. */
export function controlIdFor(field: GenerationField): string {
  return `generate-${sharedControls[field] ?? field}`;
}

/** Moves focus to the control a problem is about, opening the Advanced section when it is folded away. */
export function focusControl(field: GenerationField): void {
  focusElementById(controlIdFor(field));
}
