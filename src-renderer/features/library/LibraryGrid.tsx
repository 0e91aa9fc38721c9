import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useAppStore, useAppStoreApi } from '../../app/use-app-store';
import { openContextMenuOf } from '../../dom/context-menu-key';
import { isInDialog } from '../../dom/keyboard-target';
import { matches } from '../../shortcuts/shortcut-table';
import { useContentSize } from '../../hooks/use-content-size';
import { ImageContextMenu } from '../image-actions/ImageContextMenu';
import type { CommandTarget } from '../image-actions/image-commands';
import { imagesOf, type Arrangement, type Entry } from './arrangement';
import { buildGridModel, gridGap, gridGeometry, isFlat, stepThumbSize, type GridModel } from './grid-model';
import { GridRowView, type CellLabels } from './GridRows';
import { firstPageSize } from './list-controller';
import { isEntrySelected } from './selection';
import { entryIndexOf, useGridInput } from './use-grid-input';
import './library-grid.css';

/** Rows fetched ahead of the viewport, so a steady scroll never reaches a skeleton. */
const prefetchRows = 12;
const overscanRows = 3;

/** The slot one past the last one in rows `[0, index]`: how far the loaded list must reach to fill them. */
function slotsThrough(model: GridModel, index: number): number {
  for (let current = Math.min(index, model.rowCount - 1); current >= 0; current -= 1) {
    const row = model.row(current);
    if (row.kind === 'cells') return row.start + row.count;
  }
  return 0;
}

export interface LibraryGridProps {
  arrangement: Arrangement;
  onOpen: (entry: Entry) => void;
}

/** Opens the context menu of a cell from the keyboard, at the cell, as a right-click there would. */
function openMenuAt(index: number): void {
  const cell = document.getElementById(`library-cell-${index}`);
  if (cell) openContextMenuOf(cell);
}

export function LibraryGrid({ arrangement, onOpen }: LibraryGridProps) {
  const { t } = useTranslation('library');
  const itemCount = useAppStore((s) => s.libraryItems.length);
  const total = useAppStore((s) => s.libraryTotal);
  const atLeast = useAppStore((s) => s.libraryTotalIsLowerBound);
  const thumbSize = useAppStore((s) => s.libraryThumbSize);
  const selectedIds = useAppStore((s) => s.librarySelection.ids);
  const focus = useAppStore((s) => s.libraryFocus);
  const queryVersion = useAppStore((s) => s.libraryQueryVersion);
  const setFocus = useAppStore((s) => s.setLibraryFocus);
  const setSelection = useAppStore((s) => s.setLibrarySelection);
  const loadUntil = useAppStore((s) => s.loadLibraryUntil);
  const setTopEntry = useAppStore((s) => s.setLibraryTopEntry);
  const store = useAppStoreApi();
  const labels = useMemo<CellLabels>(
    () => ({
      loading: t('grid.loading'),
      untitled: t('grid.untitled'),
      favorite: t('grid.favorite'),
      select: t('grid.select'),
      fileProblem: t('grid.fileProblem'),
      openStack: (count) => t('grid.openStack', { count }),
    }),
    [t],
  );

  const scrollerRef = useRef<HTMLDivElement>(null);
  const { width, height } = useContentSize(scrollerRef);
  const geometry = useMemo(() => gridGeometry(width, thumbSize), [width, thumbSize]);
  const setScreenSlots = useAppStore((s) => s.setLibraryScreenSlots);
  useEffect(() => {
    if (width > 0) setScreenSlots(geometry.columns * (Math.ceil(height / geometry.cellRowHeight) + 1));
  }, [geometry, height, width, setScreenSlots]);
  const { entries } = arrangement;
  // Before the first answer the size is unknown: a screenful of skeletons stands in for it. A total that is only a
  // floor keeps at least that many skeletons after the loaded images, so scrolling on loads the next pages.
  const pending =
    total === null
      ? firstPageSize
      : atLeast
        ? Math.max(firstPageSize, total - itemCount)
        : Math.max(0, total - itemCount);
  // A flat grid's rows depend only on how many slots there are, which pages arriving do not change: keeping the
  // same model then keeps the virtualizer from re-measuring every row (16 000 at 100 000 images) on each page.
  const modelKey = isFlat(arrangement) ? entries.length + pending : arrangement;
  const model = useMemo(
    () => buildGridModel(arrangement, pending, geometry),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `modelKey` stands for arrangement and pending
    [modelKey, geometry],
  );
  // The virtualizer recomputes every row's offset whenever these functions change, so they change with the model.
  const estimateSize = useCallback((index: number) => model.rowHeight(index), [model]);
  const getItemKey = useCallback((index: number) => model.key(index), [model]);
  const cellSize = geometry.cellRowHeight - gridGap;

  const topEntryRef = useRef(store.getState().libraryTopEntry);
  // The virtualizer is read fresh on every render here and never handed to memoised children, which is what
  // the compiler's warning is about.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: width > 0 ? model.rowCount : 0,
    getScrollElement: () => scrollerRef.current,
    estimateSize,
    getItemKey,
    overscan: overscanRows,
    // Follows the scroll from the virtualizer's own offset: reading the scroller's scrollTop in a scroll handler
    // would force a layout on every frame.
    onChange: (instance) => {
      // Changes while not scrolling are measurements (the first one reports offset 0 before the restore).
      if (!instance.isScrolling) return;
      const offset = instance.scrollOffset ?? 0;
      const top = instance.getVirtualItemForOffset(offset);
      const row = top ? model.row(top.index) : null;
      if (row?.kind === 'cells') topEntryRef.current = row.start;
    },
  });

  // Row heights come from the model, which the virtualizer caches: a new model needs a fresh measure.
  useLayoutEffect(() => {
    virtualizer.measure();
  }, [virtualizer, model]);

  // After the size changes (and on the first measure, coming back to the view), the image that was at the top
  // is at the top.
  useLayoutEffect(() => {
    if (width === 0) return;
    virtualizer.scrollToIndex(model.rowOfEntry(topEntryRef.current), { align: 'start' });
    // Only a new geometry moves cells; the model changes on every page and must not scroll.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [geometry]);

  const firstQueryVersion = useRef(queryVersion);
  useEffect(() => {
    if (queryVersion === firstQueryVersion.current) return;
    topEntryRef.current = 0;
    virtualizer.scrollToOffset(0);
  }, [queryVersion, virtualizer]);

  useEffect(
    () => () => {
      setTopEntry(topEntryRef.current);
    },
    [setTopEntry],
  );

  // Ctrl/Cmd with + and - resize thumbnails anywhere in the view, as zoom does in image browsers.
  const setThumbSize = useAppStore((s) => s.setLibraryThumbSize);
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (isInDialog(event.target)) return;
      const step = matches(event, 'library.bigger') ? 1 : matches(event, 'library.smaller') ? -1 : 0;
      if (step === 0) return;
      event.preventDefault();
      setThumbSize(stepThumbSize(width, store.getState().libraryThumbSize, step));
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [width, setThumbSize, store]);

  // The focus moved from outside the grid (the inspector's Previous and Next, the viewer, a reveal): the
  // focused cell comes into view. Only a change does; coming back to the view keeps the scroll position.
  const shownFocus = useRef(focus);
  useEffect(() => {
    if (focus === shownFocus.current || width === 0) return;
    shownFocus.current = focus;
    virtualizer.scrollToIndex(model.rowOfEntry(focus), { align: 'auto' });
  }, [focus, model, virtualizer, width]);

  const virtualRows = virtualizer.getVirtualItems();
  const lastRow = virtualRows.at(-1)?.index ?? 0;
  useEffect(() => {
    const needed = slotsThrough(model, lastRow + prefetchRows);
    if (needed > entries.length && pending > 0) void loadUntil(itemCount + (needed - entries.length));
  }, [model, lastRow, entries.length, itemCount, pending, loadUntil]);

  const input = useGridInput({
    model,
    entries,
    pageRows: () =>
      Math.max(1, Math.floor((scrollerRef.current?.clientHeight ?? 0) / geometry.cellRowHeight)),
    focusEntry: (index) => {
      shownFocus.current = index;
      setFocus(index);
      virtualizer.scrollToIndex(model.rowOfEntry(index), { align: 'auto' });
    },
    onOpen,
    onContextMenuKey: openMenuAt,
  });

  /** A right-click acts on the selection it lands in, or selects the cell it lands on (as file managers do). */
  const menuTarget = (event: React.MouseEvent): CommandTarget | null => {
    const { librarySelection, libraryItems } = store.getState();
    const index = entryIndexOf(event.target) ?? (event.target === scrollerRef.current ? focus : null);
    const entry = index === null ? undefined : entries[index];
    if (index === null || !entry) return null;
    const source = 'library';
    if (isEntrySelected(librarySelection.ids, entry) && librarySelection.ids.size > 1) {
      const images = libraryItems.filter((image) => librarySelection.ids.has(image.id));
      return { images, source };
    }
    setFocus(index);
    setSelection({ ids: new Set(imagesOf(entry).map((image) => image.id)), anchor: index });
    return { images: imagesOf(entry), source };
  };

  const activeEntry = Math.min(focus, entries.length - 1);
  const activeRow = activeEntry >= 0 ? model.rowOfEntry(activeEntry) : -1;
  // Only a rendered cell can be the active descendant; the focus comes back into view on the next arrow key.
  const activeShown = virtualRows.some((virtualRow) => virtualRow.index === activeRow);
  const activeId = activeShown ? `library-cell-${activeEntry}` : undefined;

  return (
    <ImageContextMenu targetAt={menuTarget}>
      <div
        ref={scrollerRef}
        className="library-grid"
        role="grid"
        aria-label={t('grid.label')}
        aria-multiselectable="true"
        aria-rowcount={model.rowCount}
        aria-colcount={model.columns}
        aria-activedescendant={activeId}
        tabIndex={0}
        {...input}
      >
        <div
          role="presentation"
          className="library-grid__sizer"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualRows.map((virtualRow) => {
            const row = model.row(virtualRow.index);
            const inRow =
              row.kind === 'cells' && activeEntry >= row.start && activeEntry < row.start + row.count;
            return (
              <GridRowView
                key={virtualRow.key}
                index={virtualRow.index}
                row={row}
                top={virtualRow.start}
                height={virtualRow.size}
                columns={model.columns}
                cellSize={cellSize}
                entries={entries}
                selected={selectedIds}
                active={inRow ? activeEntry : -1}
                labels={labels}
              />
            );
          })}
        </div>
      </div>
    </ImageContextMenu>
  );
}
