import type { Shortcut } from '../../dom/key-chord';

export type ViewerAction =
  'previous' | 'next' | 'first' | 'last' | 'zoomIn' | 'zoomOut' | 'fit' | 'actualSize' | 'favorite' | 'close';

/** The viewer's keys, one table for its handler and for the list of shortcuts. */
export const viewerShortcuts: readonly Shortcut<ViewerAction>[] = [
  { action: 'previous', label: 'viewer:shortcuts.previous', chords: [{ key: 'ArrowLeft' }] },
  { action: 'next', label: 'viewer:shortcuts.next', chords: [{ key: 'ArrowRight' }] },
  { action: 'first', label: 'viewer:shortcuts.first', chords: [{ key: 'Home' }] },
  { action: 'last', label: 'viewer:shortcuts.last', chords: [{ key: 'End' }] },
  { action: 'zoomIn', label: 'viewer:shortcuts.zoomIn', chords: [{ key: '+' }, { key: '=' }] },
  { action: 'zoomOut', label: 'viewer:shortcuts.zoomOut', chords: [{ key: '-' }] },
  { action: 'fit', label: 'viewer:shortcuts.fit', chords: [{ key: '0' }] },
  { action: 'actualSize', label: 'viewer:shortcuts.actualSize', chords: [{ key: '1' }] },
  { action: 'favorite', label: 'viewer:shortcuts.favorite', chords: [{ key: '.' }] },
  { action: 'close', label: 'viewer:shortcuts.close', chords: [{ key: 'Escape' }, { key: ' ' }] },
];

export type CompareAction = 'zoomIn' | 'zoomOut' | 'fit' | 'actualSize' | 'close';

/** The comparison's keys: zoom (every pane at once) and close. */
export const compareShortcuts: readonly Shortcut<CompareAction>[] = [
  { action: 'zoomIn', label: 'viewer:shortcuts.zoomIn', chords: [{ key: '+' }, { key: '=' }] },
  { action: 'zoomOut', label: 'viewer:shortcuts.zoomOut', chords: [{ key: '-' }] },
  { action: 'fit', label: 'viewer:shortcuts.fit', chords: [{ key: '0' }] },
  { action: 'actualSize', label: 'viewer:shortcuts.actualSize', chords: [{ key: '1' }] },
  { action: 'close', label: 'viewer:shortcuts.closeCompare', chords: [{ key: 'Escape' }] },
];
