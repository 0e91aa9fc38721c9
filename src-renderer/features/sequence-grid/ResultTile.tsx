import {
  forwardRef,
  useEffect,
  useState,
  type HTMLAttributes,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { JobSlot, JobSnapshot } from '../../../src-preload/contract/ipc';
import type { LibraryImage } from '../../../src-preload/contract/library-types';
import { useAppStore, useAppStoreApi } from '../../app/use-app-store';
import { Icon, type IconName } from '../../components/Icon';
import { PreviewImage } from '../../components/PreviewImage';
import { openContextMenuOf } from '../../dom/context-menu-key';
import { ariaKeyShortcuts, matchShortcut } from '../../shortcuts/shortcut-table';
import type { CommandTarget } from '../image-actions/image-commands';
import { ImageContextMenu } from '../image-actions/ImageContextMenu';
import { useDragOut } from '../image-actions/use-drag-out';
import { isFinished, savedImages } from './jobs';

interface TileActionProps {
  icon: IconName;
  label: string;
  onClick: () => void;
  pressed?: boolean;
  className?: string;
  title?: string;
}

/** A button drawn over the image; out of the Tab order (the tile is the stop, its shortcuts the keyboard way). */
function TileAction({
  icon,
  label,
  onClick,
  pressed,
  className = 'tile__action',
  title = label,
}: TileActionProps) {
  return (
    <button
      type="button"
      className={className}
      tabIndex={-1}
      aria-label={label}
      title={title}
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
  const editImage = useAppStore((s) => s.editImage);
  const toggleSelected = useAppStore((s) => s.toggleResultSelection);
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
    edit: () => {
      editImage(image);
    },
    copy: () => {
      void copyImage(image.id).then(setCopied);
    },
    pick: () => {
      toggleSelected(image.id);
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
  /** Picked for comparing or acting on together; undefined for a tile without an image. */
  selected?: boolean;
  onFocus: () => void;
}

type TileCellProps = {
  cell: CellProps;
  keyShortcuts?: string;
  children: ReactNode;
} & Omit<HTMLAttributes<HTMLDivElement>, 'children'>;

/**
 * The grid cell every tile is: one of a job's cells is its Tab stop, the others are reached with the arrows. It
 * forwards its ref and any other props, so Radix's context menu can take it as its trigger.
 */
const TileCell = forwardRef<HTMLDivElement, TileCellProps>(function TileCell(
  { cell, keyShortcuts, children, ...rest },
  ref,
) {
  return (
    <div
      {...rest}
      ref={ref}
      role="gridcell"
      className={`${cell.className}${cell.selected ? ' tile--selected' : ''}`}
      style={{ aspectRatio: cell.aspectRatio }}
      tabIndex={cell.tabbable ? 0 : -1}
      aria-label={cell.label}
      aria-busy={cell.busy}
      aria-selected={cell.selected}
      aria-keyshortcuts={keyShortcuts}
      onFocus={cell.onFocus}
    >
      {children}
    </div>
  );
});

const tileShortcuts = [
  'results.open',
  'results.favorite',
  'results.reference',
  'results.copy',
  'results.pick',
  'results.contextMenu',
] as const;

/** A right-click on a tile acts on the picked images it belongs to, or on its own image. */
function useTileMenuTarget(image: LibraryImage): () => CommandTarget {
  const store = useAppStoreApi();
  return () => {
    const { resultSelection, jobs } = store.getState();
    if (resultSelection.includes(image.id) && resultSelection.length > 1) {
      const saved = new Map(jobs.flatMap(savedImages).map((item) => [item.id, item]));
      const images = resultSelection.flatMap((id) => saved.get(id) ?? []);
      return { images, source: 'results' };
    }
    return { images: [image], source: 'results' };
  };
}

function SavedTile({ image, cell, onOpen }: { image: LibraryImage; cell: CellProps; onOpen: () => void }) {
  const { t } = useTranslation('generate');
  const actions = useTileActions(image);
  const selected = useAppStore((s) => s.resultSelection.includes(image.id));
  const menuTarget = useTileMenuTarget(image);
  const dragOut = useDragOut();
  const run = {
    'results.open': onOpen,
    'results.favorite': actions.favorite,
    'results.reference': actions.reference,
    'results.copy': actions.copy,
    'results.pick': actions.pick,
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys pressed on one of the tile's own buttons are the button's.
    if (event.target !== event.currentTarget) return;
    const shortcut = matchShortcut(event, tileShortcuts);
    if (!shortcut) return;
    event.preventDefault();
    if (shortcut === 'results.contextMenu') openContextMenuOf(event.currentTarget);
    else run[shortcut]();
  };
  return (
    <ImageContextMenu targetAt={menuTarget}>
      <TileCell
        cell={{ ...cell, selected }}
        onKeyDown={onKeyDown}
        keyShortcuts={tileShortcuts.map(ariaKeyShortcuts).join(' ')}
      >
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
            dragOut(event, [image]);
          }}
          onClick={(event) => {
            // Ctrl/Cmd-click picks images to compare or act on together, as in the library.
            if (event.ctrlKey || event.metaKey) actions.pick();
          }}
          onDoubleClick={onOpen}
        />
        <TileAction
          icon="check"
          className="tile__check"
          label={t('tile.select')}
          title={t('tile.selectHint')}
          pressed={selected}
          onClick={actions.pick}
        />
        <div className="tile__actions">
          <TileAction icon="expand" label={t('tile.open')} onClick={onOpen} />
          <TileAction icon="reference" label={t('tile.useAsReference')} onClick={actions.reference} />
          <TileAction icon="edit" label={t('tile.edit')} onClick={actions.edit} />
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
    </ImageContextMenu>
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
