import { describe, expect, it } from 'vitest';
import { matchesChord, shortcutFor, type Shortcut } from '../../../src-renderer/dom/key-chord';

const key = (
  name: string,
  modifiers: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {},
) => ({
  key: name,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...modifiers,
});

describe('key chords', () => {
  it('match the key and exactly the modifiers asked for', () => {
    expect(matchesChord(key('i'), { key: 'i' })).toBe(true);
    expect(matchesChord(key('I', { shiftKey: true }), { key: 'i' })).toBe(false);
    expect(matchesChord(key('i', { ctrlKey: true }), { key: 'i' })).toBe(false);
    expect(matchesChord(key('a', { metaKey: true }), { key: 'a', command: true })).toBe(true);
    expect(matchesChord(key(' ', { ctrlKey: true }), { key: ' ', command: true })).toBe(true);
    expect(matchesChord(key('ArrowLeft', { altKey: true }), { key: 'ArrowLeft' })).toBe(false);
  });

  it('ignore Shift for keys typed with it', () => {
    expect(matchesChord(key('+', { shiftKey: true }), { key: '+' })).toBe(true);
    expect(matchesChord(key('?', { shiftKey: true }), { key: '?' })).toBe(true);
  });

  it('find the action of a table', () => {
    const table: Shortcut<'open' | 'close'>[] = [
      { action: 'open', label: 'x:open', chords: [{ key: 'Enter' }, { key: ' ' }] },
      { action: 'close', label: 'x:close', chords: [{ key: 'Escape' }] },
    ];
    expect(shortcutFor(table, key(' '))).toBe('open');
    expect(shortcutFor(table, key('Escape'))).toBe('close');
    expect(shortcutFor(table, key('x'))).toBeNull();
  });
});
