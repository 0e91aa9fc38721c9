import type { KeyboardEvent } from 'react';
import * as Dialog from '@radix-ui/react-dialog';
import { useTranslation } from 'react-i18next';
import type { ImageDetail, LibraryImage } from '../../../src-preload/contract/library-types';
import { useAppStore } from '../../app/use-app-store';
import { ModalDialog } from '../../components/ModalDialog';
import { isTyping } from '../../dom/keyboard-target';
import { matches } from '../../shortcuts/shortcut-table';
import { DetailActions, Preview } from './DetailActions';
import { Collections, Facts, ImageLinks, Tags } from './DetailSections';
import './image-details.css';

function DetailBody({ detail }: { detail: ImageDetail }) {
  const { t } = useTranslation('library');
  const copyPrompt = useAppStore((s) => s.copyLibraryPrompt);
  const { image } = detail;
  return (
    <div className="details-body">
      <Preview key={image.id} image={image} />
      <div className="details-side">
        <DetailActions detail={detail} />
        {image.fileState !== 'ok' && (
          <p className="notice notice--error" role="note">
            {t(`details.file.${image.fileState}`)}
          </p>
        )}
        <section className="details-section" aria-label={t('details.prompt')}>
          <div className="details-section__head">
            <h3>{t('details.prompt')}</h3>
            <button
              type="button"
              className="button button--small"
              onClick={() => void copyPrompt(image.prompt)}
            >
              {t('actions.copyPrompt')}
            </button>
          </div>
          <p className="details-prompt">
            {image.prompt.trim() === '' ? t('details.noPrompt') : image.prompt}
          </p>
        </section>
        <Facts detail={detail} />
        <Tags detail={detail} />
        <Collections detail={detail} />
        <ImageLinks title={t('details.references')} images={detail.references} />
        <ImageLinks title={t('details.derived')} images={detail.derived} />
      </div>
    </div>
  );
}

/**
 * The image in full with everything known about it. `order` is the grid's order, so Left and Right step through
 * the library without closing the dialog.
 */
export function ImageDetails({ order }: { order: LibraryImage[] }) {
  const { t } = useTranslation('library');
  const detailId = useAppStore((s) => s.libraryDetailId);
  const detail = useAppStore((s) => s.libraryDetail);
  const error = useAppStore((s) => s.libraryDetailError);
  const open = useAppStore((s) => s.openLibraryDetail);
  const close = useAppStore((s) => s.closeLibraryDetail);
  const current = detail?.image.id === detailId ? detail : null;

  const onKeyDown = (event: KeyboardEvent) => {
    const step = matches(event, 'viewer.previous') ? -1 : matches(event, 'viewer.next') ? 1 : 0;
    if (detailId === null || isTyping(event.target) || step === 0) return;
    const index = order.findIndex((image) => image.id === detailId);
    const next = order[index + step];
    if (index >= 0 && next) {
      event.preventDefault();
      open(next.id);
    }
  };

  return (
    <ModalDialog
      open={detailId !== null}
      onOpenChange={(isOpen) => {
        if (!isOpen) close();
      }}
      className="image-details"
      onKeyDown={onKeyDown}
    >
      <div className="image-details__bar">
        <Dialog.Title className="dialog__title">{t('details.title')}</Dialog.Title>
        <Dialog.Close className="button" aria-label={t('details.close')}>
          ×
        </Dialog.Close>
      </div>
      {current ? (
        <DetailBody detail={current} />
      ) : error ? (
        <p className="notice notice--error" role="alert">
          {error.message}
        </p>
      ) : (
        <div className="details-body details-body--loading" aria-busy="true" />
      )}
    </ModalDialog>
  );
}
