import { matchShortcut, type KeyPress, type ShortcutId } from '../../shortcuts/shortcut-table';
import type { EditTool } from './edit-slice';

export type EditAction = EditTool | 'undo' | 'redo';

/** Each of the Edit view's actions by its entry in the one shortcut table, which the `?` sheet lists. */
export const editShortcutIds = {
  pen: 'edit.pen',
  arrow: 'edit.arrow',
  rectangle: 'edit.rectangle',
  ellipse: 'edit.ellipse',
  text: 'edit.text',
  point: 'edit.point',
  box: 'edit.box',
  crop: 'edit.crop',
  undo: 'edit.undo',
  redo: 'edit.redo',
} as const satisfies Record<EditAction, ShortcutId>;

const actions = Object.keys(editShortcutIds) as EditAction[];
const ids = actions.map((action) => editShortcutIds[action]);

/** The Edit action a key press is, if any. */
export function editActionFor(event: KeyPress): EditAction | null {
  const id = matchShortcut(event, ids);
  return actions.find((action) => editShortcutIds[action] === id) ?? null;
}
