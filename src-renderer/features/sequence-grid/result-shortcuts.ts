import type { Shortcut } from '../../dom/key-chord';

export type ResultAction = 'compare' | 'clearSelection';

/** Keys of the results while the focus is among them (the tiles' own keys are theirs). */
export const resultShortcuts: readonly Shortcut<ResultAction>[] = [
  { action: 'compare', label: 'generate:shortcuts.compare', chords: [{ key: 'c' }] },
  { action: 'clearSelection', label: 'generate:shortcuts.clearSelection', chords: [{ key: 'Escape' }] },
];
