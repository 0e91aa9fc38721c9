import type { DragEvent, KeyboardEvent, MouseEvent } from 'react';
import { useAppStore } from '../../app/use-app-store';
import { coverOf, type Entry } from './arrangement';
import { matches } from '../../shortcuts/shortcut-table';
import { isNavigationKey, moveFocus, type GridModel } from './grid-model';
import { emptySelection, pointerSelect, selectRange, toggleEntry } from './selection';
import { useImageDrag } from './use-image-drag';

interface GridInputOptions {
  model: GridModel;
  entries: Entry[];
  /** How many rows one screen holds, for Page Up and Page Down. */
  pageRows: () => number;
  /** Moves the keyboard focus to an entry and scrolls it into view. */
  focusEntry: (index: number) => void;
  onOpen: (entry: Entry) => void;
}

/** The entry index of the cell an event happened in (cells carry it in `data-entry`). */
function entryIndexOf(target: EventTarget): number | null {
  if (!(target instanceof Element)) return null;
  const cell = target.closest<HTMLElement>('[data-entry]');
  const index = cell ? Number(cell.dataset.entry) : Number.NaN;
  return Number.isInteger(index) ? index : null;
}

/**
 * The grid's pointer and keyboard handling, attached once to the grid rather than to every cell: the usual
 * file-manager selection rules, arrow and page keys, Enter to open, Ctrl/Cmd+A, Escape and Delete.
 */
export function useGridInput({ model, entries, pageRows, focusEntry, onOpen }: GridInputOptions) {
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
    setFocus(index);
    setSelection(
      pointerSelect(selection, entries, index, {
        range: event.shiftKey,
        toggle: event.ctrlKey || event.metaKey,
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
    if (matches(event, 'grid.toggle')) {
      event.preventDefault();
      setSelection(toggleEntry(selection, entries, focus));
      return;
    }
    if (matches(event, 'grid.open')) {
      const entry = entries[focus];
      if (entry) {
        event.preventDefault();
        onOpen(entry);
      }
      return;
    }
    if (matches(event, 'grid.selectAll')) {
      event.preventDefault();
      void selectAll();
      return;
    }
    if (matches(event, 'grid.clearSelection') && selection.ids.size > 0) {
      event.preventDefault();
      setSelection(emptySelection);
      return;
    }
    if (matches(event, 'grid.trash')) {
      const entry = entries[focus];
      const ids = selection.ids.size > 0 ? [...selection.ids] : entry ? [coverOf(entry).id] : [];
      if (ids.length > 0) {
        event.preventDefault();
        void trash(ids);
      }
    }
  };

  const onDragStart = (event: DragEvent) => {
    const entry = entryAt(event.target);
    if (entry) startDrag(event.dataTransfer, entry);
  };

  return { onClick, onDoubleClick, onKeyDown, onDragStart };
}
