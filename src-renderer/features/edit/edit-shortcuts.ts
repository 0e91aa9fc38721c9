import type { EditTool } from './edit-slice';

/** One key combination; `mod` is Ctrl, or Cmd on macOS. Modifiers not asked for must not be held. */
export interface EditChord {
  key: string;
  mod?: boolean;
  shift?: boolean;
}

export type EditAction = EditTool | 'undo' | 'redo';

/**
 * The Edit view's keys as data: its keydown handler matches against this table and the buttons' tooltips read
 * their keys from it, so a key cannot work without being shown or be shown without working.
 */
export const editShortcuts: readonly { action: EditAction; chords: readonly EditChord[] }[] = [
  { action: 'pen', chords: [{ key: 'p' }] },
  { action: 'arrow', chords: [{ key: 'a' }] },
  { action: 'rectangle', chords: [{ key: 'r' }] },
  { action: 'ellipse', chords: [{ key: 'e' }] },
  { action: 'text', chords: [{ key: 't' }] },
  { action: 'point', chords: [{ key: 'o' }] },
  { action: 'box', chords: [{ key: 'b' }] },
  { action: 'crop', chords: [{ key: 'c' }] },
  { action: 'undo', chords: [{ key: 'z', mod: true }] },
  {
    action: 'redo',
    chords: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
  },
];

type KeyInput = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

function matches(event: KeyInput, chord: EditChord): boolean {
  return (
    event.key.toLowerCase() === chord.key &&
    (event.ctrlKey || event.metaKey) === (chord.mod ?? false) &&
    event.shiftKey === (chord.shift ?? false) &&
    !event.altKey
  );
}

export function editActionFor(event: KeyInput): EditAction | null {
  return editShortcuts.find((entry) => entry.chords.some((chord) => matches(event, chord)))?.action ?? null;
}

/** The first chord of an action as written on buttons: `R`, `Ctrl+Z`, `Shift+Ctrl+Z`. */
export function editShortcutLabel(action: EditAction): string {
  const chord = editShortcuts.find((entry) => entry.action === action)?.chords[0];
  if (!chord) return '';
  return [chord.shift ? 'Shift' : null, chord.mod ? 'Ctrl' : null, chord.key.toUpperCase()]
    .filter((part) => part !== null)
    .join('+');
}
