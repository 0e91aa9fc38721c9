import * as Dialog from '@radix-ui/react-dialog';
import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryImage } from '../../../src-preload/contract/library-types';
import { useAppStore } from '../../app/use-app-store';
import { Icon } from '../../components/Icon';
import { IconButton } from '../../components/IconButton';
import { ModalDialog } from '../../components/ModalDialog';
import { matchShortcut, shortcutsIn } from '../../shortcuts/shortcut-table';
import { Filmstrip } from './Filmstrip';
import { imageName } from './image-name';
import { ZoomControls, useZoom } from './ZoomControls';
import { ZoomStage } from './ZoomStage';
import { fitScale, middle, type Centre, type Size } from './zoom';
import './viewer.css';

export interface ViewerProps {
  /** The images to step through, in the order their view shows them. */
  images: readonly LibraryImage[];
  /** The open image; null closes the viewer. */
  openId: number | null;
  /** How many images the source holds in all, when more than `images` (a library still loading pages). */
  total?: number;
  onShow: (image: LibraryImage) => void;
  onClose: () => void;
  /** Asked for when the viewer nears the last of `images`, so a paged source can load more. */
  onNearEnd?: () => void;
}

/** The viewer's keys, from the one shortcut table. */
const viewerKeys = shortcutsIn('viewer');

/** How close to the end of the loaded images the viewer asks for more. */
const nearEnd = 5;

/**
 * The full-window dark viewer: the whole image (letterboxed, centred), zoom, previous and next, a filmstrip,
 * and what is done with an image while looking at it (favorite, use as reference, edit).
 */
export function Viewer({ images, openId, total, onShow, onClose, onNearEnd }: ViewerProps) {
  const { t, i18n } = useTranslation('viewer');
  const setFavorite = useAppStore((s) => s.setFavorite);
  const asReference = useAppStore((s) => s.sendToReferenceTray);
  const edit = useAppStore((s) => s.editImage);
  const index = openId === null ? -1 : images.findIndex((image) => image.id === openId);
  const image = images[index];
  const count = Math.max(total ?? 0, images.length);
  const [viewport, setViewport] = useState<Size>({ width: 0, height: 0 });
  const [view, setView] = useState<{ id: number | null; centre: Centre }>({ id: openId, centre: middle });
  const centre = view.id === openId ? view.centre : middle;
  const zoom = useZoom(image ? fitScale(image, viewport) : 1, openId);

  useEffect(() => {
    if (index >= 0 && index >= images.length - nearEnd) onNearEnd?.();
  }, [index, images.length, onNearEnd]);

  const go = useCallback(
    (target: number) => {
      const next = images[Math.min(Math.max(target, 0), images.length - 1)];
      if (next && next.id !== openId) onShow(next);
    },
    [images, openId, onShow],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!image) return;
    const onButton = event.target instanceof HTMLElement && event.target.closest('button') !== null;
    const action = matchShortcut(event, viewerKeys);
    if (action === undefined || (event.key === ' ' && onButton)) return;
    // Escape is Radix's: it closes the dialog by itself.
    if (event.key === 'Escape') return;
    event.preventDefault();
    switch (action) {
      case 'viewer.previous':
        go(index - 1);
        return;
      case 'viewer.next':
        go(index + 1);
        return;
      case 'viewer.first':
        go(0);
        return;
      case 'viewer.last':
        go(images.length - 1);
        return;
      case 'viewer.favorite':
        void setFavorite([image.id], !image.favorite);
        return;
      case 'viewer.close':
        onClose();
        return;
      case 'viewer.zoomIn':
        zoom.zoomIn();
        return;
      case 'viewer.zoomOut':
        zoom.zoomOut();
        return;
      case 'viewer.fit':
        zoom.fit();
        return;
      case 'viewer.actualSize':
        zoom.actualSize();
    }
  };

  const untitled = t('untitled');
  const name = image ? imageName(image, untitled) : '';
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <ModalDialog
      open={image !== undefined}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      className="viewer"
      overlayClassName="viewer__overlay"
      described
      onKeyDown={onKeyDown}
      onOpenAutoFocus={(event) => {
        // The stage takes the focus, so arrow keys and zoom keys work at once and no button looks pressed.
        event.preventDefault();
        document.querySelector<HTMLElement>('.viewer .zoom-stage')?.focus();
      }}
    >
      <Dialog.Title className="visually-hidden">{t('title')}</Dialog.Title>
      {image && (
        <>
          <header className="viewer__bar">
            <Dialog.Description className="viewer__caption" title={name}>
              <span className="viewer__position">
                {t('position', { position: number.format(index + 1), total: number.format(count) })}
              </span>
              <span className="viewer__name">{name}</span>
            </Dialog.Description>
            <div className="viewer__actions">
              <ZoomControls state={zoom} />
              <button
                type="button"
                className="viewer-button"
                aria-pressed={image.favorite}
                aria-label={t('favorite')}
                title={`${t('favorite')} (.)`}
                onClick={() => void setFavorite([image.id], !image.favorite)}
              >
                <Icon name="star" filled={image.favorite} />
              </button>
              <button
                type="button"
                className="viewer-button viewer-button--text"
                onClick={() => {
                  asReference([image]);
                }}
              >
                <Icon name="reference" />
                {t('useAsReference')}
              </button>
              <button
                type="button"
                className="viewer-button viewer-button--text"
                title={t('editHint')}
                onClick={() => {
                  edit(image);
                }}
              >
                <Icon name="edit" />
                {t('edit')}
              </button>
              <Dialog.Close asChild>
                <IconButton className="viewer-button" icon="close" label={t('close')} shortcut="Esc" />
              </Dialog.Close>
            </div>
          </header>
          <div className="viewer__body">
            <IconButton
              className="viewer-button viewer__step viewer__step--previous"
              icon="previous"
              label={t('previous')}
              shortcut="←"
              disabled={index <= 0}
              onClick={() => {
                go(index - 1);
              }}
            />
            <div className="viewer__main">
              <ZoomStage
                image={image}
                alt={name}
                scale={zoom.scale}
                centre={centre}
                onCentreChange={(next) => {
                  setView({ id: openId, centre: next });
                }}
                onViewport={setViewport}
                onDoubleClick={zoom.toggle}
              />
            </div>
            <IconButton
              className="viewer-button viewer__step viewer__step--next"
              icon="next"
              label={t('next')}
              shortcut="→"
              disabled={index >= images.length - 1}
              onClick={() => {
                go(index + 1);
              }}
            />
          </div>
          <Filmstrip images={images} current={index} untitled={untitled} onPick={onShow} />
        </>
      )}
    </ModalDialog>
  );
}
