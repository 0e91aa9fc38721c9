import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobSlot, JobSnapshot } from '../../../src-preload/contract/ipc';
import { matches } from '../../shortcuts/shortcut-table';
import { ResultTile } from './ResultTile';

/** How many tiles sit in the first row as laid out now, so Up and Down move by a row. */
function columnsOf(cells: HTMLElement[]): number {
  const top = cells[0]?.offsetTop;
  const inFirstRow = cells.filter((cell) => cell.offsetTop === top).length;
  return Math.max(1, inFirstRow);
}

/** Where the arrow, Home and End keys take the focus among `count` tiles laid out `columns` wide. */
export function nextTile(key: string, current: number, count: number, columns: number): number {
  const last = count - 1;
  switch (key) {
    case 'ArrowLeft':
      return Math.max(0, current - 1);
    case 'ArrowRight':
      return Math.min(last, current + 1);
    case 'ArrowUp':
      return current - columns >= 0 ? current - columns : current;
    case 'ArrowDown':
      return current + columns <= last ? current + columns : current;
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return current;
  }
}

interface ResultTilesProps {
  job: JobSnapshot;
  tiles: JobSlot[];
  sideBySide: boolean;
  onOpen: (tile: JobSlot) => void;
}

/**
 * A job's images as one grid with a single Tab stop: the arrow keys move between the tiles (as in the library
 * grid), and the tile with the focus takes the results' shortcuts (open, favorite, use as reference, copy, pick,
 * its context menu).
 */
export function ResultTiles({ job, tiles, sideBySide, onOpen }: ResultTilesProps) {
  const { t } = useTranslation('generate');
  const [active, setActive] = useState(0);
  const rowRef = useRef<HTMLDivElement>(null);
  const current = Math.min(active, Math.max(0, tiles.length - 1));

  const cells = () => Array.from(rowRef.current?.querySelectorAll<HTMLElement>('[role="gridcell"]') ?? []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (!matches(event, 'results.move')) return;
    event.preventDefault();
    const all = cells();
    const next = nextTile(event.key, current, tiles.length, sideBySide ? tiles.length : columnsOf(all));
    setActive(next);
    all[next]?.focus();
  };

  return (
    <div
      role="grid"
      aria-multiselectable="true"
      className="job__grid"
      aria-label={t('results.imagesOf', { prompt: job.request.prompt })}
      onKeyDown={onKeyDown}
    >
      <div ref={rowRef} role="row" className={`job__tiles${sideBySide ? ' job__tiles--side' : ''}`}>
        {tiles.map((tile, position) => (
          <ResultTile
            key={tile.index}
            job={job}
            tile={tile}
            position={position + 1}
            total={tiles.length}
            tabbable={position === current}
            onFocus={() => {
              setActive(position);
            }}
            onOpen={() => {
              onOpen(tile);
            }}
          />
        ))}
      </div>
    </div>
  );
}
