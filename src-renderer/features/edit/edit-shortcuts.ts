import { shortcutFor, type KeyChord, type Shortcut } from '../../dom/key-chord';
import type { EditTool } from './edit-slice';

export type EditAction = EditTool | 'undo' | 'redo';

/**
 * The Edit view's keys, one table (dom/key-chord.ts) for its keydown handler and for the keys the buttons
 * show, so a key cannot work without being shown or be shown without working.
 */
export const editShortcuts: readonly Shortcut<EditAction>[] = [
  { action: 'pen', label: 'edit:tools.pen', chords: [{ key: 'p' }] },
  { action: 'arrow', label: 'edit:tools.arrow', chords: [{ key: 'a' }] },
  { action: 'rectangle', label: 'edit:tools.rectangle', chords: [{ key: 'r' }] },
  { action: 'ellipse', label: 'edit:tools.ellipse', chords: [{ key: 'e' }] },
  { action: 'text', label: 'edit:tools.text', chords: [{ key: 't' }] },
  { action: 'point', label: 'edit:tools.point', chords: [{ key: 'o' }] },
  { action: 'box', label: 'edit:tools.box', chords: [{ key: 'b' }] },
  { action: 'crop', label: 'edit:tools.crop', chords: [{ key: 'c' }] },
  { action: 'undo', label: 'edit:history.undo', chords: [{ key: 'z', command: true }] },
  {
    action: 'redo',
    label: 'edit:history.redo',
    chords: [
      { key: 'z', command: true, shift: true },
      { key: 'y', command: true },
    ],
  },
];

export function editActionFor(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): EditAction | null {
  return shortcutFor(editShortcuts, event);
}

function chordLabel(chord: KeyChord): string {
  return [chord.shift ? 'Shift' : null, chord.command ? 'Ctrl' : null, chord.key.toUpperCase()]
    .filter((part) => part !== null)
    .join('+');
}

/** The first chord of an action as written on buttons: `R`, `Ctrl+Z`, `Shift+Ctrl+Z`. */
export function editShortcutLabel(action: EditAction): string {
  const chord = editShortcuts.find((entry) => entry.action === action)?.chords[0];
  return chord ? chordLabel(chord) : '';
}
