import type { GenerationField } from '../../../src-preload/contract/generation';

/** Every workspace control that an issue or error can name has this id, so it can be focused. */
export function controlIdFor(field: GenerationField): string {
  return `generate-${field}`;
}
