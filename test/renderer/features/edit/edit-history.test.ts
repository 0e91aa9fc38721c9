import { describe, expect, it } from 'vitest';
import { emptyEditDocument, type EditDocument } from '../../../../src-preload/contract/edit';
import {
  canRedo,
  canUndo,
  editHistory,
  historyLimit,
  startHistory,
} from '../../../../src-renderer/features/edit/edit-history';

const base = emptyEditDocument({ width: 100, height: 100 });

function withMarks(count: number): EditDocument {
  return {
    ...base,
    marks: Array.from({ length: count }, () => ({
      kind: 'rectangle' as const,
      from: { x: 0, y: 0 },
      to: { x: 10, y: 10 },
      color: '#ff3b30' as const,
      width: 'thin' as const,
    })),
  };
}

describe('edit history', () => {
  it('undoes and redoes changes in order', () => {
    const one = withMarks(1);
    const two = withMarks(2);
    let history = startHistory(base);
    expect(canUndo(history)).toBe(false);
    history = editHistory(history, { type: 'commit', document: one });
    history = editHistory(history, { type: 'commit', document: two });
    history = editHistory(history, { type: 'undo' });
    expect(history.present).toBe(one);
    expect(canRedo(history)).toBe(true);
    history = editHistory(history, { type: 'undo' });
    expect(history.present).toBe(base);
    expect(editHistory(history, { type: 'undo' })).toBe(history);
    history = editHistory(history, { type: 'redo' });
    history = editHistory(history, { type: 'redo' });
    expect(history.present).toBe(two);
    expect(editHistory(history, { type: 'redo' })).toBe(history);
  });

  it('drops what could be redone once a new change is made', () => {
    let history = startHistory(base);
    history = editHistory(history, { type: 'commit', document: withMarks(1) });
    history = editHistory(history, { type: 'undo' });
    history = editHistory(history, { type: 'commit', document: withMarks(3) });
    expect(canRedo(history)).toBe(false);
    expect(history.past).toEqual([base]);
  });

  it('ignores a change to the same document and keeps at most the limit of steps', () => {
    let history = startHistory(base);
    expect(editHistory(history, { type: 'commit', document: base })).toBe(history);
    for (let count = 1; count <= historyLimit + 10; count += 1) {
      history = editHistory(history, { type: 'commit', document: withMarks(count) });
    }
    expect(history.past).toHaveLength(historyLimit);
    expect(editHistory(history, { type: 'reset', document: base })).toEqual(startHistory(base));
  });
});
