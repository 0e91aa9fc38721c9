import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import * as Dialog from '@radix-ui/react-dialog';
import { useTranslation } from 'react-i18next';
import type { ImageDetail, LibraryImage } from '../../../src-preload/contract/library-types';
import { useAppStore } from '../../app/use-app-store';
import { isTyping } from './is-typing';
import { CollectionMenu } from './CollectionMenu';
import { formatBytes, formatCount, parameterRows } from './format';
import { ModalDialog } from '../../components/ModalDialog';
import { NameDialog } from '../../components/NameDialog';
import { useDateTime } from './use-date-format';
import { useImageDrag } from './use-image-drag';

function Preview({ image }: { image: LibraryImage }) {
  const { t } = useTranslation('library');
  const [zoomed, setZoomed] = useState(false);
  const startDrag = useImageDrag();
  return (
    <div className={zoomed ? 'details-preview details-preview--zoomed' : 'details-preview'}>
      <img
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
    </div>
  );
}

function ImageLinks({ title, images }: { title: string; images: LibraryImage[] }) {
  const { t } = useTranslation('library');
  const open = useAppStore((s) => s.openLibraryDetail);
  const headingId = useId();
  if (images.length === 0) return null;
  return (
    <section className="details-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <ul className="details-links">
        {images.map((image) => (
          <li key={image.id}>
            <button
              type="button"
              className="details-links__item"
              title={image.prompt}
              onClick={() => {
                open(image.id);
              }}
            >
              <img
                src={image.thumbSrc}
                alt={image.prompt.trim() === '' ? t('grid.untitled') : image.prompt}
              />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

interface Named {
  id: number;
  name: string;
}

/** A headed list of removable names (tags, collections) ending with the control that adds one. */
function ChipSection<T extends Named>(props: {
  title: string;
  items: T[];
  removeLabel: (name: string) => string;
  onRemove: (item: T) => void;
  add: ReactNode;
}) {
  const { title, items, removeLabel, onRemove, add } = props;
  const headingId = useId();
  return (
    <section className="details-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <ul className="chips">
        {items.map((item) => (
          <li key={item.id} className="chip">
            {item.name}
            <button
              type="button"
              className="chip__remove"
              aria-label={removeLabel(item.name)}
              onClick={() => {
                onRemove(item);
              }}
            >
              ×
            </button>
          </li>
        ))}
        <li>{add}</li>
      </ul>
    </section>
  );
}

function Tags({ detail }: { detail: ImageDetail }) {
  const { t } = useTranslation('library');
  const allTags = useAppStore((s) => s.libraryTags);
  const tag = useAppStore((s) => s.tagLibraryImages);
  const untag = useAppStore((s) => s.untagLibraryImages);
  const [adding, setAdding] = useState(false);
  const ids = [detail.image.id];
  return (
    <>
      <ChipSection
        title={t('details.tags')}
        items={detail.tags}
        removeLabel={(name) => t('details.removeTag', { name })}
        onRemove={(item) => void untag(ids, item)}
        add={
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setAdding(true);
            }}
          >
            {t('actions.addTag')}
          </button>
        }
      />
      <NameDialog
        open={adding}
        title={t('tags.addTitle')}
        label={t('tags.nameLabel')}
        submitLabel={t('tags.add')}
        initialName=""
        suggestions={allTags.map((item) => item.name)}
        onOpenChange={setAdding}
        onSubmit={(name) => tag(ids, name)}
      />
    </>
  );
}

function Collections({ detail }: { detail: ImageDetail }) {
  const { t } = useTranslation('library');
  const remove = useAppStore((s) => s.removeFromLibraryCollection);
  const ids = [detail.image.id];
  return (
    <ChipSection
      title={t('details.collections')}
      items={detail.collections}
      removeLabel={(name) => t('details.removeFromCollection', { name })}
      onRemove={(collection) => void remove(ids, collection)}
      add={
        <CollectionMenu ids={ids} exclude={new Set(detail.collections.map((collection) => collection.id))} />
      }
    />
  );
}

function Facts({ detail }: { detail: ImageDetail }) {
  const { t, i18n } = useTranslation('library');
  const dateTime = useDateTime();
  const { image, generation } = detail;
  const usage = generation?.usage ?? null;
  const seconds = generation?.finishedAt ? (generation.finishedAt - generation.createdAt) / 1000 : null;
  const rows: [string, string][] = [
    [t('details.model'), image.model || t('details.unknown')],
    [t('details.dimensions'), t('details.dimensionsValue', { width: image.width, height: image.height })],
    [t('details.format'), image.format.toUpperCase()],
    [t('details.fileSize'), formatBytes(image.bytes, i18n.language)],
    [t('details.created'), dateTime(image.createdAt)],
  ];
  if (seconds !== null)
    rows.push([t('details.duration'), t('details.seconds', { value: seconds.toFixed(1) })]);
  if (generation && image.generationId !== null) {
    rows.push([t('details.position'), t('details.positionValue', { position: image.position + 1 })]);
  }
  if (usage) {
    rows.push(
      [t('details.generatedImages'), formatCount(usage.generatedImages, i18n.language)],
      [t('details.outputTokens'), formatCount(usage.outputTokens, i18n.language)],
      [t('details.totalTokens'), formatCount(usage.totalTokens, i18n.language)],
    );
  }
  const params = generation ? parameterRows(generation.params) : [];
  return (
    <>
      <dl className="details-facts">
        {rows.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {params.length > 0 && (
        <section className="details-section" aria-label={t('details.parameters')}>
          <h3>{t('details.parameters')}</h3>
          <dl className="details-facts details-facts--params">
            {params.map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </>
  );
}

function Actions({ detail }: { detail: ImageDetail }) {
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

function DetailBody({ detail }: { detail: ImageDetail }) {
  const { t } = useTranslation('library');
  const copyPrompt = useAppStore((s) => s.copyLibraryPrompt);
  const { image } = detail;
  return (
    <div className="details-body">
      <Preview key={image.id} image={image} />
      <div className="details-side">
        <Actions detail={detail} />
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
    if (
      detailId === null ||
      isTyping(event.target) ||
      (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')
    ) {
      return;
    }
    const index = order.findIndex((image) => image.id === detailId);
    const next = order[index + (event.key === 'ArrowLeft' ? -1 : 1)];
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
