import type { DragEvent, KeyboardEvent, MouseEvent } from 'react';
import { useAppStore } from '../../app/use-app-store';
import { matches, matchShortcut } from '../../shortcuts/shortcut-table';
import { coverOf, isStack, type Entry } from './arrangement';
import { isNavigationKey, moveFocus, type GridModel } from './grid-model';
import { pointerSelect, selectRange, toggleEntry } from './selection';
import { useImageDrag } from './use-image-drag';

/** The grid's own keys besides moving, from the one shortcut table. */
const gridKeys = ['grid.open', 'grid.toggle', 'grid.selectAll', 'grid.trash', 'grid.contextMenu'] as const;

interface GridInputOptions {
  model: GridModel;
  entries: Entry[];
  /** How many rows one screen holds, for Page Up and Page Down. */
  pageRows: () => number;
  /** Moves the keyboard focus to an entry and scrolls it into view. */
  focusEntry: (index: number) => void;
  /** Enter, Space or a double-click on an entry: a stack opens, an image shows in the viewer. */
  onOpen: (entry: Entry) => void;
  /** The menu key or Shift+F10: the context menu of the focused cell. */
  onContextMenuKey: (index: number) => void;
}

/** The entry index of the cell an event happened in (cells carry it in `data-entry`). */
export function entryIndexOf(target: EventTarget): number | null {
  if (!(target instanceof Element)) return null;
  const cell = target.closest<HTMLElement>('[data-entry]');
  const index = cell ? Number(cell.dataset.entry) : Number.NaN;
  return Number.isInteger(index) ? index : null;
}

/**
 * The grid's pointer and keyboard handling, attached once to the grid rather than to every cell: the usual
 * file-manager selection rules, arrow and page keys, and the grid's shortcut table (Space and Enter open the
 * viewer, Ctrl/Cmd+Space toggles the selection, Ctrl/Cmd+A, Delete, the menu key); Escape is the library's.
 */
export function useGridInput({
  model,
  entries,
  pageRows,
  focusEntry,
  onOpen,
  onContextMenuKey,
}: GridInputOptions) {
  const selection = useAppStore((s) => s.librarySelection);
  const focus = useAppStore((s) => s.libraryFocus);
  const setSelection = useAppStore((s) => s.setLibrarySelection);
  const setFocus = useAppStore((s) => s.setLibraryFocus);
  const selectAll = useAppStore((s) => s.selectAllLibrary);
  const trash = useAppStore((s) => s.trashLibraryImages);
  const toggleStack = useAppStore((s) => s.toggleLibraryStack);
  const startDrag = useImageDrag();

  const entryAt = (target: EventTarget): Entry | undefined => {
    const index = entryIndexOf(target);
    return index === null ? undefined : entries[index];
  };

  const onClick = (event: MouseEvent) => {
    const stackButton =
      event.target instanceof Element ? event.target.closest<HTMLElement>('[data-stack]') : null;
    if (stackButton) {
      toggleStack(Number(stackButton.dataset.stack));
      return;
    }
    const index = entryIndexOf(event.target);
    if (index === null) return;
    const onBadge = event.target instanceof Element && event.target.closest('[data-check]') !== null;
    setFocus(index);
    setSelection(
      pointerSelect(selection, entries, index, {
        range: event.shiftKey,
        // The check badge adds to (or takes from) the selection, as Ctrl/Cmd-click does.
        toggle: event.ctrlKey || event.metaKey || onBadge,
      }),
    );
  };

  const onDoubleClick = (event: MouseEvent) => {
    const entry = entryAt(event.target);
    if (entry) onOpen(entry);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const command = event.ctrlKey || event.metaKey;
    const extend = matches(event, 'grid.extend');
    if ((extend || matches(event, 'grid.move')) && isNavigationKey(event.key)) {
      event.preventDefault();
      const next = moveFocus(model, entries.length, focus, event.key, pageRows());
      if (extend) {
        const anchored = selection.anchor === null ? { ...selection, anchor: focus } : selection;
        setSelection(selectRange(anchored, entries, next, command));
      }
      focusEntry(next);
      return;
    }
    const entry = entries[focus];
    switch (matchShortcut(event, gridKeys)) {
      case 'grid.open':
        if (!entry) return;
        event.preventDefault();
        // A stack opens in place with Enter; Space looks at its first image, as it does at an image.
        if (isStack(entry) && event.key === ' ') onOpen(coverOf(entry));
        else onOpen(entry);
        return;
      case 'grid.toggle':
        event.preventDefault();
        setSelection(toggleEntry(selection, entries, focus));
        return;
      case 'grid.selectAll':
        event.preventDefault();
        void selectAll();
        return;
      case 'grid.trash': {
        const ids = selection.ids.size > 0 ? [...selection.ids] : entry ? [coverOf(entry).id] : [];
        if (ids.length === 0) return;
        event.preventDefault();
        void trash(ids);
        return;
      }
      case 'grid.contextMenu':
        if (!entry) return;
        event.preventDefault();
        onContextMenuKey(focus);
        return;
      default:
    }
  };

  const onDragStart = (event: DragEvent) => {
    const entry = entryAt(event.target);
    if (entry) startDrag(event, entry);
  };

  return { onClick, onDoubleClick, onKeyDown, onDragStart };
}
