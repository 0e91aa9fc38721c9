import type { EditPoint, Mark, MarkColor, MarkWidth, Region } from '../../../src-preload/contract/edit';
import type { EditTool } from './edit-slice';

/** A shape being dragged: the tool, where the drag started and where it is now (pen: every point). */
export interface Draft {
  tool: Exclude<EditTool, 'text' | 'point'>;
  points: EditPoint[];
}

/** Drags shorter than this many base pixels either way are clicks, not shapes. */
const minDrag = 2;

function spans(a: EditPoint, b: EditPoint): boolean {
  return Math.abs(a.x - b.x) >= minDrag || Math.abs(a.y - b.y) >= minDrag;
}

/** The mark a finished drag makes, or null for a click that drew nothing. */
export function markFromDraft(draft: Draft, color: MarkColor, width: MarkWidth): Mark | null {
  const first = draft.points[0];
  const last = draft.points.at(-1);
  if (!first || !last) return null;
  switch (draft.tool) {
    case 'pen':
      return { kind: 'pen', points: draft.points, color, width };
    case 'arrow':
    case 'rectangle':
    case 'ellipse':
      return spans(first, last) ? { kind: draft.tool, from: first, to: last, color, width } : null;
    default:
      return null;
  }
}

/** The box region a finished drag makes, or null for a click. */
export function boxFromDraft(draft: Draft): Omit<Extract<Region, { kind: 'box' }>, 'id'> | null {
  const first = draft.points[0];
  const last = draft.points.at(-1);
  if (draft.tool !== 'box' || !first || !last || !spans(first, last)) return null;
  return { kind: 'box', from: first, to: last };
}
