import type { Shortcut } from '../../dom/key-chord';

export type GridAction =
  'move' | 'extend' | 'open' | 'toggleSelection' | 'selectAll' | 'delete' | 'contextMenu';

export type LibraryAction =
  'search' | 'undo' | 'inspector' | 'compare' | 'clearSelection' | 'biggerThumbnails' | 'smallerThumbnails';

const arrows = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'];

/**
 * Keys of the library grid while it has the focus. `move` and `extend` are listed for people; the grid model
 * moves the focus itself (see grid-model.ts).
 */
export const gridShortcuts: readonly Shortcut<GridAction>[] = [
  { action: 'move', label: 'library:shortcuts.move', chords: arrows.map((key) => ({ key })) },
  {
    action: 'extend',
    label: 'library:shortcuts.extend',
    chords: arrows.map((key) => ({ key, shift: true })),
  },
  { action: 'open', label: 'library:shortcuts.open', chords: [{ key: ' ' }, { key: 'Enter' }] },
  {
    action: 'toggleSelection',
    label: 'library:shortcuts.toggleSelection',
    chords: [{ key: ' ', command: true }],
  },
  { action: 'selectAll', label: 'library:shortcuts.selectAll', chords: [{ key: 'a', command: true }] },
  {
    action: 'delete',
    label: 'library:shortcuts.delete',
    chords: [{ key: 'Delete' }, { key: 'Backspace', command: true }],
  },
  {
    action: 'contextMenu',
    label: 'library:shortcuts.contextMenu',
    chords: [{ key: 'ContextMenu' }, { key: 'F10', shift: true }],
  },
];

/** Keys of the library view wherever the focus is in it (not while typing, not in a dialog). */
export const libraryShortcuts: readonly Shortcut<LibraryAction>[] = [
  { action: 'search', label: 'library:shortcuts.search', chords: [{ key: 'f', command: true }] },
  { action: 'undo', label: 'library:shortcuts.undo', chords: [{ key: 'z', command: true }] },
  { action: 'inspector', label: 'library:shortcuts.inspector', chords: [{ key: 'i' }] },
  { action: 'compare', label: 'library:shortcuts.compare', chords: [{ key: 'c' }] },
  { action: 'clearSelection', label: 'library:shortcuts.clearSelection', chords: [{ key: 'Escape' }] },
  {
    action: 'biggerThumbnails',
    label: 'library:shortcuts.biggerThumbnails',
    chords: [
      { key: '=', command: true },
      { key: '+', command: true },
    ],
  },
  {
    action: 'smallerThumbnails',
    label: 'library:shortcuts.smallerThumbnails',
    chords: [{ key: '-', command: true }],
  },
];
