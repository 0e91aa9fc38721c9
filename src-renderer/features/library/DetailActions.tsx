import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageDetail, LibraryImage } from '../../../src-preload/contract/library-types';
import { useAppStore } from '../../app/use-app-store';
import { useImageDrag } from './use-image-drag';
import { PreviewImage } from '../../components/PreviewImage';

/** The image at preview size, or its full-size file at real pixels; it can be dragged out like a cell. */
export function Preview({ image }: { image: LibraryImage }) {
  const { t } = useTranslation('library');
  const [zoomed, setZoomed] = useState(false);
  const startDrag = useImageDrag();
  return (
    <div className={zoomed ? 'details-preview details-preview--zoomed' : 'details-preview'}>
      <PreviewImage
        image={image}
        // The full-size file is only fetched when the user asks for it; the preview is a 1024 px thumbnail.
        src={zoomed ? image.src : image.previewSrc}
        alt={image.prompt.trim() === '' ? t('grid.untitled') : image.prompt}
        width={image.width}
        height={image.height}
        onClick={() => {
          setZoomed((value) => !value);
        }}
        onDragStart={(event) => {
          startDrag(event.dataTransfer, image);
        }}
      />
      <button
        type="button"
        className="button details-preview__zoom"
        aria-pressed={zoomed}
        onClick={() => {
          setZoomed((value) => !value);
        }}
      >
        {zoomed ? t('details.fit') : t('details.zoom')}
      </button>
      {image.previewProblem !== null && <p className="field__hint">{image.previewProblem}</p>}
    </div>
  );
}

/** What can be done with the open image. */
export function DetailActions({ detail }: { detail: ImageDetail }) {
  const { t } = useTranslation('library');
  const remix = useAppStore((s) => s.remix);
  const asReference = useAppStore((s) => s.sendToReferenceTray);
  const setFavorite = useAppStore((s) => s.setFavorite);
  const copyImage = useAppStore((s) => s.copyImage);
  const notify = useAppStore((s) => s.notify);
  const exportImages = useAppStore((s) => s.exportLibraryImages);
  const reveal = useAppStore((s) => s.revealLibraryImage);
  const trash = useAppStore((s) => s.trashLibraryImages);
  const { image } = detail;
  const generationId = image.generationId;
  return (
    <div className="details-actions" role="toolbar" aria-label={t('details.actions')}>
      <button
        type="button"
        className="button button--primary"
        disabled={generationId === null}
        title={generationId === null ? t('details.noGeneration') : undefined}
        onClick={() => {
          if (generationId !== null) void remix(generationId);
        }}
      >
        {t('actions.remix')}
      </button>
      <button
        type="button"
        className="button"
        onClick={() => {
          asReference([image]);
        }}
      >
        {t('actions.useAsReference')}
      </button>
      <button
        type="button"
        className="button"
        aria-pressed={image.favorite}
        onClick={() => void setFavorite([image.id], !image.favorite)}
      >
        {image.favorite ? t('actions.unfavorite') : t('actions.favorite')}
      </button>
      <button
        type="button"
        className="button"
        onClick={() =>
          void copyImage(image.id).then((copied) => {
            if (copied) notify({ key: 'toast.copiedImage' });
          })
        }
      >
        {t('actions.copyImage')}
      </button>
      <button type="button" className="button" onClick={() => void exportImages([image.id])}>
        {t('actions.export')}
      </button>
      <button type="button" className="button" onClick={() => void reveal(image.id)}>
        {t('actions.reveal')}
      </button>
      <button type="button" className="button button--danger" onClick={() => void trash([image.id])}>
        {t('actions.delete')}
      </button>
    </div>
  );
}
