/**
 * A keyboard shortcut as data: the key (as `KeyboardEvent.key` names it) and the modifiers it needs. Shortcut
 * tables are lists of these, so the handlers and the "Keyboard shortcuts" sheet read the same entries.
 */
export interface KeyChord {
  key: string;
  /** Ctrl on Windows and Linux, Cmd on macOS. */
  command?: boolean;
  shift?: boolean;
  alt?: boolean;
}

/** One line of a shortcut table: what it does (an i18n key) and the chords that do it. */
export interface Shortcut<Action extends string = string> {
  action: Action;
  /** `namespace:key` of the words that say what it does. */
  label: string;
  chords: readonly KeyChord[];
}

/** Whether an event is this chord. Shift is ignored for keys that need it to be typed (`+`, `?`). */
export function matchesChord(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
  chord: KeyChord,
): boolean {
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (key !== chord.key.toLowerCase() && event.key !== chord.key) return false;
  if ((event.ctrlKey || event.metaKey) !== (chord.command ?? false)) return false;
  if (event.altKey !== (chord.alt ?? false)) return false;
  const shiftTyped = event.key.length === 1 && !/[a-z0-9 ]/i.test(event.key);
  return shiftTyped || event.shiftKey === (chord.shift ?? false);
}

/** The action of the first shortcut one of whose chords the event is, if any. */
export function shortcutFor<Action extends string>(
  table: readonly Shortcut<Action>[],
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): Action | null {
  for (const shortcut of table) {
    if (shortcut.chords.some((chord) => matchesChord(event, chord))) return shortcut.action;
  }
  return null;
}
