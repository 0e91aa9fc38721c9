import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobSlot, JobSnapshot } from '../../../src-preload/contract/ipc';
import type { LibraryImage } from '../../../src-preload/contract/library-types';
import { useAppStore } from '../../app/use-app-store';
import { setDraggedImages } from '../../dom/drag-image';
import { Icon, type IconName } from '../../components/Icon';
import { isFinished } from './jobs';
import { PreviewImage } from '../../components/PreviewImage';

interface TileActionProps {
  icon: IconName;
  label: string;
  onClick: () => void;
  pressed?: boolean;
}

function TileAction({ icon, label, onClick, pressed }: TileActionProps) {
  return (
    <button
      type="button"
      className="tile__action"
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      onClick={onClick}
    >
      <Icon name={icon} filled={pressed === true} />
    </button>
  );
}

function SavedTile({ image, alt, onOpen }: { image: LibraryImage; alt: string; onOpen: () => void }) {
  const { t } = useTranslation('generate');
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

  return (
    <>
      <PreviewImage
        image={image}
        className="tile__image"
        src={image.thumbSrc}
        alt={alt}
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
        <TileAction
          icon="reference"
          label={t('tile.useAsReference')}
          onClick={() => {
            addReferences([image]);
          }}
        />
        <TileAction
          icon="copy"
          label={copied ? t('tile.copied') : t('tile.copy')}
          onClick={() => {
            void copyImage(image.id).then(setCopied);
          }}
        />
        <TileAction
          icon="star"
          label={t('tile.favorite')}
          pressed={image.favorite}
          onClick={() => void setFavorite([image.id], !image.favorite)}
        />
        <TileAction
          icon="library"
          label={t('tile.showInLibrary')}
          onClick={() => {
            showInLibrary(image.id);
            navigate('library');
          }}
        />
      </div>
      {copied && (
        <span className="tile__toast" role="status">
          {t('tile.copied')}
        </span>
      )}
    </>
  );
}

interface ResultTileProps {
  job: JobSnapshot;
  tile: JobSlot;
  total: number;
  onOpen: () => void;
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

/** One expected image of a job: a placeholder that becomes the image, or the reason it failed. */
export function ResultTile({ job, tile, total, onOpen }: ResultTileProps) {
  const { t } = useTranslation('generate');
  const position = tile.index + 1;
  const alt = t('tile.alt', { prompt: job.request.prompt, position, total });
  const stopped = isFinished(job) && tile.state === 'pending';
  const label =
    tile.state === 'saved'
      ? undefined
      : tile.state === 'failed'
        ? t('tile.failedLabel', { position, total })
        : stopped
          ? t('tile.notGenerated', { position, total })
          : t(tile.state === 'downloading' ? 'tile.downloading' : 'tile.pending', { position, total });

  return (
    <div
      role="listitem"
      className={`tile tile--${stopped ? 'stopped' : tile.state}`}
      style={{ aspectRatio: aspectOf(job, tile) }}
      aria-label={label}
      aria-busy={tile.state === 'pending' || tile.state === 'downloading' ? !stopped : undefined}
    >
      {tile.state === 'saved' && tile.image ? (
        <SavedTile image={tile.image} alt={alt} onOpen={onOpen} />
      ) : tile.state === 'failed' ? (
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
    </div>
  );
}
