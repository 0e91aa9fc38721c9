import { useEffect, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobSlot, JobSnapshot } from '../../../src-preload/contract/ipc';
import type { LibraryImage } from '../../../src-preload/contract/library-types';
import { useAppStore } from '../../app/use-app-store';
import { Icon, type IconName } from '../../components/Icon';
import { PreviewImage } from '../../components/PreviewImage';
import { setDraggedImages } from '../../dom/drag-image';
import { ariaKeyShortcuts, matchShortcut } from '../../shortcuts/shortcut-table';
import { isFinished } from './jobs';

interface TileActionProps {
  icon: IconName;
  label: string;
  onClick: () => void;
  pressed?: boolean;
}

/** A button drawn over the image; out of the Tab order (the tile is the stop, its shortcuts the keyboard way). */
function TileAction({ icon, label, onClick, pressed }: TileActionProps) {
  return (
    <button
      type="button"
      className="tile__action"
      tabIndex={-1}
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      onClick={onClick}
    >
      <Icon name={icon} filled={pressed === true} />
    </button>
  );
}

/** What can be done to a saved image from its tile, by button or by the results' shortcuts. */
function useTileActions(image: LibraryImage) {
  const addReferences = useAppStore((s) => s.addReferences);
  const setFavorite = useAppStore((s) => s.setFavorite);
  const copyImage = useAppStore((s) => s.copyImage);
  const showInLibrary = useAppStore((s) => s.showInLibrary);
  const navigate = useAppStore((s) => s.navigate);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => {
      setCopied(false);
    }, 1600);
    return () => {
      window.clearTimeout(timer);
    };
  }, [copied]);

  return {
    copied,
    favorite: () => void setFavorite([image.id], !image.favorite),
    reference: () => {
      addReferences([image]);
    },
    copy: () => {
      void copyImage(image.id).then(setCopied);
    },
    showInLibrary: () => {
      showInLibrary(image.id);
      navigate('library');
    },
  };
}

interface CellProps {
  label: string;
  className: string;
  aspectRatio: string;
  tabbable: boolean;
  busy?: boolean;
  onFocus: () => void;
}

/** The grid cell every tile is: one of a job's cells is its Tab stop, the others are reached with the arrows. */
function TileCell({
  cell,
  onKeyDown,
  keyShortcuts,
  children,
}: {
  cell: CellProps;
  onKeyDown?: (event: KeyboardEvent) => void;
  keyShortcuts?: string;
  children: ReactNode;
}) {
  return (
    <div
      role="gridcell"
      className={cell.className}
      style={{ aspectRatio: cell.aspectRatio }}
      tabIndex={cell.tabbable ? 0 : -1}
      aria-label={cell.label}
      aria-busy={cell.busy}
      aria-keyshortcuts={keyShortcuts}
      onFocus={cell.onFocus}
      onKeyDown={onKeyDown}
    >
      {children}
    </div>
  );
}

const tileShortcuts = ['results.open', 'results.favorite', 'results.reference', 'results.copy'] as const;

function SavedTile({ image, cell, onOpen }: { image: LibraryImage; cell: CellProps; onOpen: () => void }) {
  const { t } = useTranslation('generate');
  const actions = useTileActions(image);
  const run = {
    'results.open': onOpen,
    'results.favorite': actions.favorite,
    'results.reference': actions.reference,
    'results.copy': actions.copy,
  };
  const onKeyDown = (event: KeyboardEvent) => {
    // Keys pressed on one of the tile's own buttons are the button's.
    if (event.target !== event.currentTarget) return;
    const shortcut = matchShortcut(event, tileShortcuts);
    if (!shortcut) return;
    event.preventDefault();
    run[shortcut]();
  };
  return (
    <TileCell cell={cell} onKeyDown={onKeyDown} keyShortcuts={tileShortcuts.map(ariaKeyShortcuts).join(' ')}>
      <PreviewImage
        image={image}
        className="tile__image"
        src={image.thumbSrc}
        srcSet={`${image.thumbSrc} 256w, ${image.previewSrc} 1024w`}
        sizes="(min-width: 1600px) 40vw, 60vw"
        alt={cell.label}
        width={image.width}
        height={image.height}
        draggable
        onDragStart={(event) => {
          setDraggedImages(event.dataTransfer, [image]);
        }}
        onDoubleClick={onOpen}
      />
      <div className="tile__actions">
        <TileAction icon="expand" label={t('tile.open')} onClick={onOpen} />
        <TileAction icon="reference" label={t('tile.useAsReference')} onClick={actions.reference} />
        <TileAction
          icon="copy"
          label={actions.copied ? t('tile.copied') : t('tile.copy')}
          onClick={actions.copy}
        />
        <TileAction
          icon="star"
          label={t('tile.favorite')}
          pressed={image.favorite}
          onClick={actions.favorite}
        />
        <TileAction icon="library" label={t('tile.showInLibrary')} onClick={actions.showInLibrary} />
      </div>
      {/* Always there, so that "Copied" is announced when it appears in it. */}
      <span role="status">{actions.copied && <span className="tile__toast">{t('tile.copied')}</span>}</span>
    </TileCell>
  );
}

/**
 * The box keeps its shape while the image loads: the image's own size once known, otherwise that of an image
 * already in the job (a bare preset lets the model pick the ratio), otherwise the size asked for.
 */
function aspectOf(job: JobSnapshot, tile: JobSlot): string {
  const known = tile.image ?? job.slots.find((slot) => slot.image)?.image;
  if (known) return `${known.width} / ${known.height}`;
  const size = job.request.size;
  return typeof size === 'string' ? '1 / 1' : `${size.width} / ${size.height}`;
}

interface ResultTileProps {
  job: JobSnapshot;
  tile: JobSlot;
  /** Where the tile stands among those shown, counted from 1. */
  position: number;
  total: number;
  /** The one tile of the job that Tab stops at. */
  tabbable: boolean;
  onFocus: () => void;
  onOpen: () => void;
}

/** One expected image of a job: a placeholder that becomes the image, or the reason it failed. */
export function ResultTile({ job, tile, position, total, tabbable, onFocus, onOpen }: ResultTileProps) {
  const { t } = useTranslation('generate');
  const stopped = isFinished(job) && tile.state === 'pending';
  const saved = tile.state === 'saved' ? tile.image : null;
  const label = saved
    ? t('tile.alt', { prompt: job.request.prompt, position, total })
    : tile.state === 'failed'
      ? t('tile.failedLabel', { position, total })
      : stopped
        ? t('tile.notGenerated', { position, total })
        : t(tile.state === 'downloading' ? 'tile.downloading' : 'tile.pending', { position, total });
  const cell: CellProps = {
    label,
    className: `tile tile--${stopped ? 'stopped' : tile.state}`,
    aspectRatio: aspectOf(job, tile),
    tabbable,
    busy: tile.state === 'pending' || tile.state === 'downloading' ? !stopped : undefined,
    onFocus,
  };
  if (saved) return <SavedTile image={saved} cell={cell} onOpen={onOpen} />;
  return (
    <TileCell cell={cell}>
      {tile.state === 'failed' ? (
        <div className="tile__failure">
          <strong>{t('tile.failed', { position })}</strong>
          <span>{tile.error?.message ?? t('tile.failedUnknown')}</span>
        </div>
      ) : (
        <div className="tile__placeholder" aria-hidden="true">
          <span className="tile__number">{position}</span>
          <span>{label}</span>
        </div>
      )}
    </TileCell>
  );
}
