import * as Dialog from '@radix-ui/react-dialog';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryImage } from '../../src-preload/contract/library-types';
import { matchShortcut, type ShortcutId } from '../shortcuts/shortcut-table';
import { ModalDialog } from './ModalDialog';
import './Lightbox.css';

const zoomSteps = [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4] as const;

/** `fit` shows the whole image in the window; a number is the scale of its real pixels. */
type Zoom = 'fit' | number;

function stepZoom(zoom: Zoom, direction: 1 | -1, fitScale: number): Zoom {
  const current = zoom === 'fit' ? fitScale : zoom;
  const next =
    direction > 0
      ? zoomSteps.find((step) => step > current + 0.001)
      : [...zoomSteps].reverse().find((step) => step < current - 0.001);
  return next ?? zoom;
}

interface LightboxProps {
  images: readonly LibraryImage[];
  /** Which image is open; null closes the lightbox. */
  index: number | null;
  onIndexChange: (index: number | null) => void;
  /** Alt text and title for the images, usually their prompt. */
  describe: (image: LibraryImage, position: number, total: number) => string;
}

/** Full-size view of a set of images: arrow keys move through them, +, - and 0 zoom, Escape closes. */
export function Lightbox({ images, index, onIndexChange, describe }: LightboxProps) {
  const { t } = useTranslation();
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [fitScale, setFitScale] = useState(1);
  const image = index === null ? undefined : images[index];
  const position = index ?? 0;

  const go = (target: number) => {
    if (target < 0 || target >= images.length) return;
    setZoom('fit');
    onIndexChange(target);
  };

  const actions: Partial<Record<ShortcutId, () => void>> = {
    'viewer.previous': () => {
      go(position - 1);
    },
    'viewer.next': () => {
      go(position + 1);
    },
    'viewer.zoomIn': () => {
      setZoom(stepZoom(zoom, 1, fitScale));
    },
    'viewer.zoomOut': () => {
      setZoom(stepZoom(zoom, -1, fitScale));
    },
    'viewer.fit': () => {
      setZoom('fit');
    },
    'viewer.actualSize': () => {
      setZoom(1);
    },
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const id = matchShortcut(event, Object.keys(actions) as ShortcutId[]);
    if (!id) return;
    event.preventDefault();
    actions[id]?.();
  };

  const percent = Math.round((zoom === 'fit' ? fitScale : zoom) * 100);

  return (
    <ModalDialog
      open={image !== undefined}
      onOpenChange={(open) => {
        if (!open) {
          setZoom('fit');
          onIndexChange(null);
        }
      }}
      className="lightbox"
      overlayClassName="lightbox__overlay"
      described
      onKeyDown={onKeyDown}
    >
      {image && (
        <>
          <div className="lightbox__bar">
            <Dialog.Title className="lightbox__title">
              {describe(image, position, images.length)}
            </Dialog.Title>
            <Dialog.Description className="lightbox__meta">
              {t('lightbox.position', { position: position + 1, total: images.length })} · {image.width} ×{' '}
              {image.height} · {percent}%
            </Dialog.Description>
            <div className="lightbox__tools">
              <button
                type="button"
                className="button"
                disabled={position === 0}
                onClick={() => {
                  go(position - 1);
                }}
              >
                {t('lightbox.previous')}
              </button>
              <button
                type="button"
                className="button"
                disabled={position >= images.length - 1}
                onClick={() => {
                  go(position + 1);
                }}
              >
                {t('lightbox.next')}
              </button>
              <button
                type="button"
                className="button"
                aria-label={t('lightbox.zoomOut')}
                title={`${t('lightbox.zoomOut')} (-)`}
                onClick={() => {
                  setZoom(stepZoom(zoom, -1, fitScale));
                }}
              >
                −
              </button>
              <button
                type="button"
                className="button"
                aria-pressed={zoom === 'fit'}
                title={t('lightbox.fitHint')}
                onClick={() => {
                  setZoom(zoom === 'fit' ? 1 : 'fit');
                }}
              >
                {t('lightbox.fit')}
              </button>
              <button
                type="button"
                className="button"
                aria-label={t('lightbox.zoomIn')}
                title={`${t('lightbox.zoomIn')} (+)`}
                onClick={() => {
                  setZoom(stepZoom(zoom, 1, fitScale));
                }}
              >
                +
              </button>
              <Dialog.Close className="button">{t('lightbox.close')}</Dialog.Close>
            </div>
          </div>
          <div className={`lightbox__stage${zoom === 'fit' ? ' lightbox__stage--fit' : ''}`}>
            <img
              key={image.id}
              className="lightbox__image"
              src={image.src}
              alt={describe(image, position, images.length)}
              width={image.width}
              height={image.height}
              style={zoom === 'fit' ? undefined : { width: image.width * zoom, height: image.height * zoom }}
              onLoad={(event) => {
                const element = event.currentTarget;
                if (element.naturalWidth === 0 || element.naturalHeight === 0) return;
                setFitScale(
                  Math.min(
                    element.clientWidth / element.naturalWidth,
                    element.clientHeight / element.naturalHeight,
                  ),
                );
              }}
              onDoubleClick={() => {
                setZoom(zoom === 'fit' ? 1 : 'fit');
              }}
            />
          </div>
        </>
      )}
    </ModalDialog>
  );
}
