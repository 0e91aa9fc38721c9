import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useAppStore, useAppStoreApi } from '../../app/use-app-store';
import { coverOf, isStack, type Arrangement, type Entry } from './arrangement';
import {
  buildGridModel,
  gridGap,
  gridGeometry,
  isFlat,
  isNavigationKey,
  moveFocus,
  stepThumbSize,
  type GridModel,
  type GridRow,
} from './grid-model';
import { firstPageSize } from './list-controller';
import { emptySelection, isEntrySelected, pointerSelect, selectRange, toggleEntry } from './selection';
import { isInDialog } from './is-typing';
import { useImageDrag } from './use-image-drag';
import { useDayLabel } from './use-date-format';

/** Rows fetched ahead of the viewport, so a steady scroll never reaches a skeleton. */
const prefetchRows = 12;
const overscanRows = 3;
/** Long prompts are cut for the alt text; the details dialog shows the whole prompt. */
const altLength = 300;

function altText(prompt: string, fallback: string): string {
  const text = prompt.trim();
  if (text === '') return fallback;
  return text.length > altLength ? `${text.slice(0, altLength)}…` : text;
}

/** Translated once per grid, not once per cell: cells mount by the dozen on every frame of a fast scroll. */
interface CellLabels {
  loading: string;
  untitled: string;
  favorite: string;
  fileProblem: string;
  openStack: (count: number) => string;
}

interface CellProps {
  index: number;
  column: number;
  entry: Entry | undefined;
  selected: boolean;
  active: boolean;
  size: number;
  labels: CellLabels;
}

const GridCell = memo(function GridCell({ index, column, entry, selected, active, size, labels }: CellProps) {
  const style = { width: size, height: size };
  if (!entry) {
    return (
      <div
        role="gridcell"
        aria-colindex={column + 1}
        aria-busy="true"
        aria-label={labels.loading}
        className="library-cell library-cell--skeleton"
        style={style}
      />
    );
  }
  const cover = coverOf(entry);
  const stack = isStack(entry) ? entry : null;
  const className = [
    'library-cell',
    selected ? 'library-cell--selected' : '',
    active ? 'library-cell--active' : '',
    stack ? 'library-cell--stack' : '',
  ].join(' ');
  return (
    <div
      role="gridcell"
      id={`library-cell-${index}`}
      data-entry={index}
      aria-colindex={column + 1}
      aria-selected={selected}
      className={className}
      style={style}
    >
      <img src={cover.thumbSrc} alt={altText(cover.prompt, labels.untitled)} decoding="async" />
      {cover.favorite && (
        <>
          <span className="library-cell__favorite" aria-hidden="true">
            ★
          </span>
          <span className="visually-hidden">{labels.favorite}</span>
        </>
      )}
      {cover.fileState !== 'ok' && (
        <span className="library-cell__problem" title={labels.fileProblem}>
          !<span className="visually-hidden">{labels.fileProblem}</span>
        </span>
      )}
      {stack && (
        <button
          type="button"
          className="library-cell__stack"
          data-stack={stack.generationId}
          tabIndex={-1}
          aria-label={labels.openStack(stack.images.length)}
        >
          {stack.images.length}
        </button>
      )}
    </div>
  );
});

interface RowProps {
  index: number;
  row: GridRow;
  top: number;
  height: number;
  columns: number;
  cellSize: number;
  entries: Entry[];
  selected: ReadonlySet<number>;
  /** The active entry when it is in this row, else -1, so other rows keep their memoised render. */
  active: number;
  labels: CellLabels;
}

function HeaderRow({ row }: { row: Extract<GridRow, { kind: 'header' }> }) {
  const { t } = useTranslation('library');
  const dayLabel = useDayLabel();
  const toggleStack = useAppStore((s) => s.toggleLibraryStack);
  const header = row.section.header;
  if (!header) return null;
  if (header.kind === 'day') {
    return (
      <span role="heading" aria-level={2} className="library-row__title">
        {dayLabel(header.dayStart)}
      </span>
    );
  }
  return (
    <>
      <span role="heading" aria-level={2} className="library-row__title">
        {t('grid.stackTitle', { count: header.count })}
      </span>
      <span className="library-row__prompt">{header.prompt}</span>
      <button
        type="button"
        className="button library-row__close"
        onClick={() => {
          toggleStack(header.generationId);
        }}
      >
        {t('grid.closeStack')}
      </button>
    </>
  );
}

function sameRow(a: GridRow, b: GridRow): boolean {
  if (a.kind === 'header') return b.kind === 'header' && a.section === b.section;
  return b.kind === 'cells' && a.start === b.start && a.count === b.count;
}

/** The flat model builds row objects on demand, so rows are compared by what they hold, not by identity. */
function sameRowProps(a: RowProps, b: RowProps): boolean {
  return (
    sameRow(a.row, b.row) &&
    a.index === b.index &&
    a.top === b.top &&
    a.height === b.height &&
    a.columns === b.columns &&
    a.cellSize === b.cellSize &&
    a.entries === b.entries &&
    a.selected === b.selected &&
    a.active === b.active &&
    a.labels === b.labels
  );
}

const GridRowView = memo(function GridRowView(props: RowProps) {
  const { index, row, top, height, columns, cellSize, entries, selected, active, labels } = props;
  const style = { transform: `translateY(${top}px)`, height };
  if (row.kind === 'header') {
    return (
      <div role="row" aria-rowindex={index + 1} className="library-row library-row--header" style={style}>
        <div role="gridcell" aria-colspan={columns} className="library-row__header">
          <HeaderRow row={row} />
        </div>
      </div>
    );
  }
  const cells = [];
  for (let column = 0; column < row.count; column += 1) {
    const entryIndex = row.start + column;
    const entry = entries[entryIndex];
    cells.push(
      <GridCell
        key={column}
        index={entryIndex}
        column={column}
        entry={entry}
        selected={entry !== undefined && isEntrySelected(selected, entry)}
        active={active === entryIndex}
        size={cellSize}
        labels={labels}
      />,
    );
  }
  return (
    <div role="row" aria-rowindex={index + 1} className="library-row" style={style}>
      {cells}
    </div>
  );
}, sameRowProps);

function rowKey(model: GridModel, index: number): string {
  const row = model.row(index);
  return row.kind === 'header' ? `h-${row.section.key}` : `c-${row.start}`;
}

/** The slot one past the last one in rows `[0, index]`: how far the loaded list must reach to fill them. */
function slotsThrough(model: GridModel, index: number): number {
  for (let current = Math.min(index, model.rowCount - 1); current >= 0; current -= 1) {
    const row = model.row(current);
    if (row.kind === 'cells') return row.start + row.count;
  }
  return 0;
}

/** The box rows can use: the scroller's inner width without its padding and scrollbar, and its height. */
function contentSize(element: HTMLElement): { width: number; height: number } {
  const style = getComputedStyle(element);
  const width = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return { width: Math.max(0, width), height: element.clientHeight };
}

function useContentSize(ref: React.RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    // Measured before the first paint, so the first frame already shows thumbnails at their final size.
    setSize(contentSize(element));
    const observer = new ResizeObserver(() => {
      setSize(contentSize(element));
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [ref]);
  return size;
}

export interface LibraryGridProps {
  arrangement: Arrangement;
  onOpen: (entry: Entry) => void;
}

export function LibraryGrid({ arrangement, onOpen }: LibraryGridProps) {
  const { t } = useTranslation('library');
  const itemCount = useAppStore((s) => s.libraryItems.length);
  const total = useAppStore((s) => s.libraryTotal);
  const thumbSize = useAppStore((s) => s.libraryThumbSize);
  const selection = useAppStore((s) => s.librarySelection);
  const focus = useAppStore((s) => s.libraryFocus);
  const queryVersion = useAppStore((s) => s.libraryQueryVersion);
  const setSelection = useAppStore((s) => s.setLibrarySelection);
  const setFocus = useAppStore((s) => s.setLibraryFocus);
  const loadUntil = useAppStore((s) => s.loadLibraryUntil);
  const selectAll = useAppStore((s) => s.selectAllLibrary);
  const trash = useAppStore((s) => s.trashLibraryImages);
  const toggleStack = useAppStore((s) => s.toggleLibraryStack);
  const setTopEntry = useAppStore((s) => s.setLibraryTopEntry);
  const store = useAppStoreApi();
  const startDrag = useImageDrag();
  const labels = useMemo<CellLabels>(
    () => ({
      loading: t('grid.loading'),
      untitled: t('grid.untitled'),
      favorite: t('grid.favorite'),
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
  // Before the first answer the size is unknown: a screenful of skeletons stands in for it.
  const pending = total === null ? firstPageSize : Math.max(0, total - itemCount);
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
  const getItemKey = useCallback((index: number) => rowKey(model, index), [model]);
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
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isInDialog(event.target)) return;
      if (event.key !== '=' && event.key !== '+' && event.key !== '-') return;
      event.preventDefault();
      setThumbSize(stepThumbSize(width, store.getState().libraryThumbSize, event.key === '-' ? -1 : 1));
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [width, setThumbSize, store]);

  const virtualRows = virtualizer.getVirtualItems();
  const lastRow = virtualRows.at(-1)?.index ?? 0;
  useEffect(() => {
    const needed = slotsThrough(model, lastRow + prefetchRows);
    if (needed > entries.length && pending > 0) void loadUntil(itemCount + (needed - entries.length));
  }, [model, lastRow, entries.length, itemCount, pending, loadUntil]);

  const entryIndexOf = (target: EventTarget): number | null => {
    if (!(target instanceof Element)) return null;
    const cell = target.closest<HTMLElement>('[data-entry]');
    const index = cell ? Number(cell.dataset.entry) : Number.NaN;
    return Number.isInteger(index) ? index : null;
  };

  const focusEntry = (index: number) => {
    setFocus(index);
    virtualizer.scrollToIndex(model.rowOfEntry(index), { align: 'auto' });
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
    const index = entryIndexOf(event.target);
    const entry = index === null ? undefined : entries[index];
    if (entry) onOpen(entry);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const command = event.ctrlKey || event.metaKey;
    if (isNavigationKey(event.key)) {
      event.preventDefault();
      const pageRows = Math.max(
        1,
        Math.floor((scrollerRef.current?.clientHeight ?? 0) / geometry.cellRowHeight),
      );
      const next = moveFocus(model, entries.length, focus, event.key, pageRows);
      if (event.shiftKey) {
        const anchored = selection.anchor === null ? { ...selection, anchor: focus } : selection;
        setSelection(selectRange(anchored, entries, next, command));
      }
      focusEntry(next);
      return;
    }
    if (event.key === ' ') {
      event.preventDefault();
      setSelection(toggleEntry(selection, entries, focus));
      return;
    }
    if (event.key === 'Enter') {
      const entry = entries[focus];
      if (entry) {
        event.preventDefault();
        onOpen(entry);
      }
      return;
    }
    if (command && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      void selectAll();
      return;
    }
    if (event.key === 'Escape' && selection.ids.size > 0) {
      event.preventDefault();
      setSelection(emptySelection);
      return;
    }
    if (event.key === 'Delete' || (event.key === 'Backspace' && command)) {
      const entry = entries[focus];
      const ids = selection.ids.size > 0 ? [...selection.ids] : entry ? [coverOf(entry).id] : [];
      if (ids.length > 0) {
        event.preventDefault();
        void trash(ids);
      }
    }
  };

  const activeEntry = Math.min(focus, entries.length - 1);
  const activeRow = activeEntry >= 0 ? model.rowOfEntry(activeEntry) : -1;
  // Only a rendered cell can be the active descendant; the focus comes back into view on the next arrow key.
  const activeShown = virtualRows.some((virtualRow) => virtualRow.index === activeRow);
  const activeId = activeShown ? `library-cell-${activeEntry}` : undefined;

  return (
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
      onClick={onClick}
      onDoubleClick={onDoubleClick}
      onKeyDown={onKeyDown}
      onDragStart={(event) => {
        const index = entryIndexOf(event.target);
        const entry = index === null ? undefined : entries[index];
        if (entry) startDrag(event.dataTransfer, entry);
      }}
    >
      <div role="presentation" className="library-grid__sizer" style={{ height: virtualizer.getTotalSize() }}>
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
              selected={selection.ids}
              active={inRow ? activeEntry : -1}
              labels={labels}
            />
          );
        })}
      </div>
    </div>
  );
}
