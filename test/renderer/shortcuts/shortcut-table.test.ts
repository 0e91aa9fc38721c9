import { describe, expect, it } from 'vitest';
import { views } from '../../../src-renderer/app/navigation-slice';
import { editActionFor } from '../../../src-renderer/features/edit/edit-shortcuts';
import { resources } from '../../../src-renderer/i18n';
import {
  ariaKeyShortcuts,
  chordLabel,
  matches,
  matchShortcut,
  shortcutScopes,
  shortcutsIn,
  shortcutTable,
  type KeyPress,
  type ShortcutId,
} from '../../../src-renderer/shortcuts/shortcut-table';

function press(key: string, modifiers: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress {
  return { key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...modifiers };
}

const ids = Object.keys(shortcutTable) as ShortcutId[];

describe('the shortcut table', () => {
  it('takes Ctrl or Cmd as the command key, and no other modifier than asked for', () => {
    expect(matches(press('1', { ctrlKey: true }), 'app.generate')).toBe(true);
    expect(matches(press('1', { metaKey: true }), 'app.generate')).toBe(true);
    expect(matches(press('1'), 'app.generate')).toBe(false);
    expect(matches(press('1', { ctrlKey: true, altKey: true }), 'app.generate')).toBe(false);
    expect(matches(press('Z', { ctrlKey: true, shiftKey: true }), 'library.undo')).toBe(false);
    expect(matches(press('z', { ctrlKey: true }), 'library.undo')).toBe(true);
  });

  it('accepts ? and + with or without Shift, since layouts differ', () => {
    expect(matches(press('?', { shiftKey: true }), 'app.shortcuts')).toBe(true);
    expect(matches(press('?'), 'app.shortcuts')).toBe(true);
    expect(matches(press('+', { ctrlKey: true, shiftKey: true }), 'library.bigger')).toBe(true);
    expect(matches(press('=', { ctrlKey: true }), 'library.bigger')).toBe(true);
  });

  it('tells moving the grid focus from extending the selection', () => {
    expect(matchShortcut(press('ArrowDown'), ['grid.extend', 'grid.move'])).toBe('grid.move');
    expect(matchShortcut(press('ArrowDown', { shiftKey: true }), ['grid.extend', 'grid.move'])).toBe(
      'grid.extend',
    );
    expect(matches(press('ArrowDown', { ctrlKey: true, shiftKey: true }), 'grid.extend')).toBe(true);
    expect(matches(press('ArrowDown', { altKey: true }), 'grid.move')).toBe(false);
    expect(matches(press('ArrowLeft', { altKey: true }), 'tray.moveEarlier')).toBe(true);
  });

  it('opens with Space in the grid and selects with Ctrl/Cmd+Space, in the grid and the results alike', () => {
    expect(matchShortcut(press(' '), ['grid.open', 'grid.toggle'])).toBe('grid.open');
    expect(matchShortcut(press(' ', { metaKey: true }), ['grid.open', 'grid.toggle'])).toBe('grid.toggle');
    expect(matchShortcut(press(' ', { ctrlKey: true }), ['results.open', 'results.pick'])).toBe(
      'results.pick',
    );
    expect(matchShortcut(press('c'), ['results.copy', 'results.compare'])).toBe('results.compare');
    expect(matchShortcut(press('c', { ctrlKey: true }), ['results.copy', 'results.compare'])).toBe(
      'results.copy',
    );
    expect(matches(press('F10', { shiftKey: true }), 'grid.contextMenu')).toBe(true);
    expect(matches(press('ContextMenu'), 'results.contextMenu')).toBe(true);
  });

  it('writes chords the way each platform does', () => {
    expect(chordLabel({ key: ',', mod: true }, false)).toBe('Ctrl+,');
    expect(chordLabel({ key: ',', mod: true }, true)).toBe('⌘,');
    expect(chordLabel({ key: 'ArrowLeft', alt: true }, false)).toBe('Alt+←');
    expect(chordLabel({ key: 'z', mod: true, shift: true }, true)).toBe('⌘⇧Z');
    expect(ariaKeyShortcuts('generate.run')).toBe('Control+Enter Meta+Enter');
    expect(chordLabel({ key: 'ContextMenu' }, false)).toBe('Menu');
  });

  it('puts every shortcut in a listed scope, each with a description in both languages', () => {
    expect(shortcutScopes.flatMap(shortcutsIn).sort()).toEqual([...ids].sort());
    for (const language of ['en', 'zh-CN'] as const) {
      const items = resources[language].common.shortcuts.items as Record<string, Record<string, string>>;
      const scopes = resources[language].common.shortcuts.scopes as Record<string, string>;
      for (const id of ids) {
        const [group = '', name = ''] = id.split('.');
        expect(items[group]?.[name], `${language}: ${id}`).toBeTruthy();
      }
      for (const scope of shortcutScopes) expect(scopes[scope], `${language}: ${scope}`).toBeTruthy();
    }
  });

  it('never gives one key press two meanings within a scope', () => {
    for (const scope of shortcutScopes) {
      const chords = shortcutsIn(scope).flatMap((id) =>
        shortcutTable[id].chords.map((chord) => ({ id, chord })),
      );
      for (const { id, chord } of chords) {
        const event = press(chord.key, {
          ctrlKey: chord.mod === true,
          altKey: chord.alt === true,
          shiftKey: chord.shift === true,
        });
        const claimed = shortcutsIn(scope).filter((other) => matches(event, other));
        expect(claimed, `${scope}: ${id}`).toEqual([id]);
      }
    }
  });

  it('gives every view its own Ctrl/Cmd key, which no other shortcut anywhere takes', () => {
    const appIds = shortcutsIn('app');
    for (const view of views) expect(appIds, view).toContain(`app.${view}`);
    expect(matchShortcut(press('3', { ctrlKey: true }), appIds)).toBe('app.edit');
    expect(matchShortcut(press('3', { metaKey: true }), appIds)).toBe('app.edit');
    for (const id of appIds) {
      for (const chord of shortcutTable[id].chords) {
        const event = press(chord.key, {
          ctrlKey: chord.mod === true,
          altKey: chord.alt === true,
          shiftKey: chord.shift === true,
        });
        expect(
          ids.filter((other) => matches(event, other)),
          id,
        ).toEqual([id]);
      }
    }
  });

  it("reads the Edit view's keys from the table: tools by letter, undo and redo", () => {
    expect(['p', 'a', 'r', 'e', 't', 'o', 'b', 'c'].map((key) => editActionFor(press(key)))).toEqual([
      'pen',
      'arrow',
      'rectangle',
      'ellipse',
      'text',
      'point',
      'box',
      'crop',
    ]);
    expect(editActionFor(press('z', { ctrlKey: true }))).toBe('undo');
    expect(editActionFor(press('Z', { metaKey: true, shiftKey: true }))).toBe('redo');
    expect(editActionFor(press('y', { ctrlKey: true }))).toBe('redo');
    expect(editActionFor(press('p', { ctrlKey: true }))).toBeNull();
    expect(editActionFor(press('z'))).toBeNull();
    // Space is held to pan (the canvas's own handler), never a tool.
    expect(matches(press(' '), 'edit.pan')).toBe(true);
    expect(editActionFor(press(' '))).toBeNull();
  });
});
