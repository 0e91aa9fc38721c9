/**
 * Every keyboard shortcut of the app, as data. The handlers ask `matches(event, id)` and the "Keyboard
 * shortcuts" dialog lists this same table, so a shortcut cannot work without being listed, or be listed
 * without working. A new shortcut is a new entry here plus its description in `common:shortcuts.items`.
 */

/**
 * One key combination. `mod` is Ctrl, or Cmd on macOS. A modifier that is not asked for must not be held,
 * unless it is `'any'`: keys such as `?` and `+` need Shift on some layouts and not on others, and in the grid
 * Ctrl/Cmd only changes how a move selects.
 */
export interface KeyChord {
  key: string;
  mod?: boolean | 'any';
  alt?: boolean;
  shift?: boolean | 'any';
}

export type ShortcutScope =
  'app' | 'generate' | 'results' | 'tray' | 'library' | 'grid' | 'viewer' | 'compare' | 'edit';

export interface ShortcutDefinition {
  scope: ShortcutScope;
  /** Any one of them triggers the shortcut; the dialog shows them all. */
  chords: readonly KeyChord[];
  /**
   * Listed but not matched by a keydown handler: the system delivers it as another event (paste), or the
   * dialog primitive handles it (Escape closes every Radix dialog).
   */
  system?: true;
  /** Held while dragging with the mouse, as Space pans the Edit canvas; the dialog says "+ drag". */
  drag?: true;
}

const gridMoves = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'];

/** The viewer and compare zoom alike; their zoom keys are one list. */
const zoomIn = [
  { key: '+', shift: 'any' },
  { key: '=', shift: 'any' },
] as const;

/** The system's keys for a context menu: the menu key, or Shift+F10 on a keyboard without one. */
const contextMenu = [{ key: 'ContextMenu' }, { key: 'F10', shift: true }] as const;

const table = {
  'app.generate': { scope: 'app', chords: [{ key: '1', mod: true }] },
  'app.library': { scope: 'app', chords: [{ key: '2', mod: true }] },
  'app.edit': { scope: 'app', chords: [{ key: '3', mod: true }] },
  'app.usage': { scope: 'app', chords: [{ key: '4', mod: true }] },
  'app.settings': { scope: 'app', chords: [{ key: ',', mod: true }] },
  'app.shortcuts': { scope: 'app', chords: [{ key: '?', shift: 'any' }] },

  'generate.run': { scope: 'generate', chords: [{ key: 'Enter', mod: true }] },
  'generate.paste': { scope: 'generate', chords: [{ key: 'v', mod: true }], system: true },
  'generate.historyBack': { scope: 'generate', chords: [{ key: 'ArrowUp', mod: true }] },
  'generate.historyForward': { scope: 'generate', chords: [{ key: 'ArrowDown', mod: true }] },

  'results.move': {
    scope: 'results',
    chords: ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].map((key) => ({ key })),
  },
  'results.open': { scope: 'results', chords: [{ key: 'Enter' }, { key: ' ' }] },
  'results.favorite': { scope: 'results', chords: [{ key: 'f' }] },
  'results.reference': { scope: 'results', chords: [{ key: 'r' }] },
  'results.copy': { scope: 'results', chords: [{ key: 'c', mod: true }] },
  'results.pick': { scope: 'results', chords: [{ key: ' ', mod: true }] },
  'results.contextMenu': { scope: 'results', chords: contextMenu },
  'results.compare': { scope: 'results', chords: [{ key: 'c' }] },
  'results.clearSelection': { scope: 'results', chords: [{ key: 'Escape' }] },

  'tray.moveEarlier': {
    scope: 'tray',
    chords: [
      { key: 'ArrowLeft', alt: true },
      { key: 'ArrowUp', alt: true },
    ],
  },
  'tray.moveLater': {
    scope: 'tray',
    chords: [
      { key: 'ArrowRight', alt: true },
      { key: 'ArrowDown', alt: true },
    ],
  },
  'tray.remove': { scope: 'tray', chords: [{ key: 'Delete' }, { key: 'Backspace' }] },

  'library.search': { scope: 'library', chords: [{ key: 'f', mod: true }] },
  'library.undo': { scope: 'library', chords: [{ key: 'z', mod: true }] },
  'library.inspector': { scope: 'library', chords: [{ key: 'i' }] },
  'library.compare': { scope: 'library', chords: [{ key: 'c' }] },
  'library.clearSelection': { scope: 'library', chords: [{ key: 'Escape' }] },
  'library.bigger': {
    scope: 'library',
    chords: [
      { key: '=', mod: true, shift: 'any' },
      { key: '+', mod: true, shift: 'any' },
    ],
  },
  'library.smaller': { scope: 'library', chords: [{ key: '-', mod: true }] },

  'grid.move': { scope: 'grid', chords: gridMoves.map((key) => ({ key, mod: 'any' as const })) },
  'grid.extend': {
    scope: 'grid',
    chords: gridMoves.map((key) => ({ key, mod: 'any' as const, shift: true })),
  },
  // Space looks at the image, as in a file manager's Quick Look; Ctrl/Cmd+Space selects without moving.
  'grid.open': { scope: 'grid', chords: [{ key: ' ' }, { key: 'Enter' }] },
  'grid.toggle': { scope: 'grid', chords: [{ key: ' ', mod: true }] },
  'grid.selectAll': { scope: 'grid', chords: [{ key: 'a', mod: true }] },
  'grid.trash': {
    scope: 'grid',
    chords: [{ key: 'Delete' }, { key: 'Backspace', mod: true }],
  },
  'grid.contextMenu': { scope: 'grid', chords: contextMenu },

  'viewer.previous': { scope: 'viewer', chords: [{ key: 'ArrowLeft' }] },
  'viewer.next': { scope: 'viewer', chords: [{ key: 'ArrowRight' }] },
  'viewer.first': { scope: 'viewer', chords: [{ key: 'Home' }] },
  'viewer.last': { scope: 'viewer', chords: [{ key: 'End' }] },
  'viewer.zoomIn': { scope: 'viewer', chords: zoomIn },
  'viewer.zoomOut': { scope: 'viewer', chords: [{ key: '-' }] },
  'viewer.fit': { scope: 'viewer', chords: [{ key: '0' }] },
  'viewer.actualSize': { scope: 'viewer', chords: [{ key: '1' }] },
  'viewer.favorite': { scope: 'viewer', chords: [{ key: '.', shift: 'any' }] },
  // Escape is the dialog's own (Radix closes it); Space closes the viewer that Space opened.
  'viewer.close': { scope: 'viewer', chords: [{ key: 'Escape' }, { key: ' ' }] },

  'compare.zoomIn': { scope: 'compare', chords: zoomIn },
  'compare.zoomOut': { scope: 'compare', chords: [{ key: '-' }] },
  'compare.fit': { scope: 'compare', chords: [{ key: '0' }] },
  'compare.actualSize': { scope: 'compare', chords: [{ key: '1' }] },
  'compare.close': { scope: 'compare', chords: [{ key: 'Escape' }], system: true },

  // The Edit view's tools by their initials, as in drawing apps; O and B are the Regions mode's point and box.
  'edit.pen': { scope: 'edit', chords: [{ key: 'p' }] },
  'edit.arrow': { scope: 'edit', chords: [{ key: 'a' }] },
  'edit.rectangle': { scope: 'edit', chords: [{ key: 'r' }] },
  'edit.ellipse': { scope: 'edit', chords: [{ key: 'e' }] },
  'edit.text': { scope: 'edit', chords: [{ key: 't' }] },
  'edit.point': { scope: 'edit', chords: [{ key: 'o' }] },
  'edit.box': { scope: 'edit', chords: [{ key: 'b' }] },
  'edit.crop': { scope: 'edit', chords: [{ key: 'c' }] },
  // Held to pan, as in image editors; dragging with the middle button pans too (the description says so).
  'edit.pan': { scope: 'edit', chords: [{ key: ' ' }], drag: true },
  'edit.undo': { scope: 'edit', chords: [{ key: 'z', mod: true }] },
  'edit.redo': {
    scope: 'edit',
    chords: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
  },
} as const satisfies Record<string, ShortcutDefinition>;

export type ShortcutId = keyof typeof table;

export const shortcutTable: Readonly<Record<ShortcutId, ShortcutDefinition>> = table;

/** The scopes in the order the dialog lists them. */
export const shortcutScopes: readonly ShortcutScope[] = [
  'app',
  'generate',
  'results',
  'tray',
  'library',
  'grid',
  'viewer',
  'compare',
  'edit',
];

/** What a keydown handler is given: a DOM or React keyboard event. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

function sameKey(pressed: string, wanted: string): boolean {
  return wanted.length === 1 ? pressed.toLowerCase() === wanted.toLowerCase() : pressed === wanted;
}

export function chordMatches(event: KeyPress, chord: KeyChord): boolean {
  if (!sameKey(event.key, chord.key)) return false;
  if (chord.mod !== 'any' && (event.ctrlKey || event.metaKey) !== (chord.mod ?? false)) return false;
  if (event.altKey !== (chord.alt ?? false)) return false;
  return chord.shift === 'any' || event.shiftKey === (chord.shift ?? false);
}

/** Whether a key press is the shortcut `id`. */
export function matches(event: KeyPress, id: ShortcutId): boolean {
  return shortcutTable[id].chords.some((chord) => chordMatches(event, chord));
}

/** The first of `ids` that a key press is, if any. */
export function matchShortcut<Id extends ShortcutId>(event: KeyPress, ids: readonly Id[]): Id | undefined {
  return ids.find((id) => matches(event, id));
}

/** The shortcuts of one scope, in table order. */
export function shortcutsIn(scope: ShortcutScope): ShortcutId[] {
  return (Object.keys(shortcutTable) as ShortcutId[]).filter((id) => shortcutTable[id].scope === scope);
}

const keyNames: Record<string, { mac: string; other: string }> = {
  ArrowLeft: { mac: '←', other: '←' },
  ArrowRight: { mac: '→', other: '→' },
  ArrowUp: { mac: '↑', other: '↑' },
  ArrowDown: { mac: '↓', other: '↓' },
  Enter: { mac: '↩', other: 'Enter' },
  Escape: { mac: 'Esc', other: 'Esc' },
  Delete: { mac: '⌦', other: 'Delete' },
  Backspace: { mac: '⌫', other: 'Backspace' },
  Home: { mac: 'Home', other: 'Home' },
  End: { mac: 'End', other: 'End' },
  PageUp: { mac: 'Page Up', other: 'Page Up' },
  PageDown: { mac: 'Page Down', other: 'Page Down' },
  ' ': { mac: 'Space', other: 'Space' },
  ContextMenu: { mac: 'Menu', other: 'Menu' },
};

/**
 * The keys of a chord as the platform writes them: `⌘⇧Z` on macOS, `Ctrl+Shift+Z` elsewhere. Each key is
 * one part, so the dialog can draw each as a key cap.
 */
export function chordParts(chord: KeyChord, mac: boolean): string[] {
  const parts: string[] = [];
  if (chord.mod === true) parts.push(mac ? '⌘' : 'Ctrl');
  if (chord.alt) parts.push(mac ? '⌥' : 'Alt');
  if (chord.shift === true) parts.push(mac ? '⇧' : 'Shift');
  const named = keyNames[chord.key];
  parts.push(named ? named[mac ? 'mac' : 'other'] : chord.key.toUpperCase());
  return parts;
}

/** A chord as one string, for tooltips: `⌘1` or `Ctrl+1`. */
export function chordLabel(chord: KeyChord, mac: boolean): string {
  return chordParts(chord, mac).join(mac ? '' : '+');
}

/** The label of a shortcut's first chord, for a button's tooltip. */
export function shortcutLabel(id: ShortcutId, mac: boolean): string {
  const first = shortcutTable[id].chords[0];
  return first ? chordLabel(first, mac) : '';
}

/** `aria-keyshortcuts` wants both Control and Meta spelled out when either works. */
export function ariaKeyShortcuts(id: ShortcutId): string {
  const names: Record<string, string> = { ' ': 'Space' };
  return shortcutTable[id].chords
    .flatMap((chord) => {
      const key = names[chord.key] ?? chord.key;
      const rest = [chord.alt ? 'Alt' : null, chord.shift === true ? 'Shift' : null, key]
        .filter((part) => part !== null)
        .join('+');
      return chord.mod === true ? [`Control+${rest}`, `Meta+${rest}`] : [rest];
    })
    .join(' ');
}

/** macOS writes shortcuts with its own symbols; the renderer learns the platform from the user agent. */
export function isMacPlatform(userAgent: string): boolean {
  return /Macintosh|Mac OS X/.test(userAgent);
}
