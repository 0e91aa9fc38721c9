import type { EditDocument } from '../../../src-preload/contract/edit';

/**
 * Undo and redo over whole edit documents: every change (a mark drawn, a region added, a crop, a turn) is one
 * step, and a document is small (a few hundred shapes at most), so keeping copies is simpler and safer than
 * inverse operations.
 */
export interface EditHistory {
  past: EditDocument[];
  present: EditDocument;
  future: EditDocument[];
}

export type HistoryAction =
  | { type: 'commit'; document: EditDocument }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'reset'; document: EditDocument };

/** Steps kept for undo; older ones are dropped first. */
export const historyLimit = 200;

export function startHistory(document: EditDocument): EditHistory {
  return { past: [], present: document, future: [] };
}

export function canUndo(history: EditHistory): boolean {
  return history.past.length > 0;
}

export function canRedo(history: EditHistory): boolean {
  return history.future.length > 0;
}

export function editHistory(history: EditHistory, action: HistoryAction): EditHistory {
  switch (action.type) {
    case 'commit':
      // A change that changes nothing (a click without a drag) is not a step.
      if (action.document === history.present) return history;
      return {
        past: [...history.past, history.present].slice(-historyLimit),
        present: action.document,
        future: [],
      };
    case 'undo': {
      const previous = history.past.at(-1);
      if (previous === undefined) return history;
      return {
        past: history.past.slice(0, -1),
        present: previous,
        future: [history.present, ...history.future],
      };
    }
    case 'redo': {
      const [next, ...rest] = history.future;
      if (next === undefined) return history;
      return { past: [...history.past, history.present], present: next, future: rest };
    }
    case 'reset':
      return startHistory(action.document);
  }
}
