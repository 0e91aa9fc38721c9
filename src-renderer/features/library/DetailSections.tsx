import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageDetail, LibraryImage } from '../../../src-preload/contract/library-types';
import { useAppStore } from '../../app/use-app-store';
import { NameDialog } from '../../components/NameDialog';
import { CollectionMenu } from './CollectionMenu';
import { formatBytes, formatCount, parameterRows } from './format';
import { useDateTime } from './use-date-format';
import { PreviewImage } from '../../components/PreviewImage';

/* The details dialog's sections: links to related images, tags, collections, and the facts. */

export function ImageLinks({ title, images }: { title: string; images: LibraryImage[] }) {
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
              <PreviewImage
                image={image}
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

export function Tags({ detail }: { detail: ImageDetail }) {
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

export function Collections({ detail }: { detail: ImageDetail }) {
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

export function Facts({ detail }: { detail: ImageDetail }) {
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
