/* The library grid's rows and cells, memoised: a fast scroll mounts dozens of them a frame. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/use-app-store';
import { coverOf, isStack, type Entry } from './arrangement';
import type { GridRow } from './grid-model';
import { isEntrySelected } from './selection';
import { useDayLabel } from './use-date-format';
import { PreviewImage } from '../../components/PreviewImage';

/** Long prompts are cut for the alt text; the details dialog shows the whole prompt. */
const altLength = 300;

function altText(prompt: string, fallback: string): string {
  const text = prompt.trim();
  if (text === '') return fallback;
  return text.length > altLength ? `${text.slice(0, altLength)}…` : text;
}

/** Translated once per grid, not once per cell: cells mount by the dozen on every frame of a fast scroll. */
export interface CellLabels {
  loading: string;
  untitled: string;
  favorite: string;
  /** The check badge: selects or deselects the cell without touching the rest of the selection. */
  select: string;
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
      <PreviewImage
        image={cover}
        src={cover.thumbSrc}
        alt={altText(cover.prompt, labels.untitled)}
        decoding="async"
      />
      <span className="library-cell__check" data-check="" title={labels.select} aria-hidden="true" />
      {cover.favorite && (
        <>
          <span className="library-cell__favorite" aria-hidden="true">
            <svg viewBox="0 0 24 24" width="16" height="16" focusable="false">
              <path d="M12 3l2.8 5.8 6.2.9-4.5 4.4 1.1 6.3L12 17.5 6.4 20.4l1.1-6.3L3 9.7l6.2-.9z" />
            </svg>
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

export const GridRowView = memo(function GridRowView(props: RowProps) {
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
