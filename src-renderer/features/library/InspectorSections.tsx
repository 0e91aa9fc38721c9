import { formatMoney } from '../../../src-preload/contract/pricing';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageDetail, LibraryImage } from '../../../src-preload/contract/library-types';
import { useAppStore } from '../../app/use-app-store';
import { NameDialog } from '../../components/NameDialog';
import { CollectionMenu } from './CollectionMenu';
import { findModel } from '../../../src-preload/contract/models';
import { imageName } from '../viewer/image-name';
import { formatBytes } from './format';
import { describeRequest, type RequestFact } from './request-summary';
import { useDateTime } from './use-date-format';
import { PreviewImage } from '../../components/PreviewImage';

/* The inspector's sections: lineage, tags, collections, the facts and the request. */

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
              <PreviewImage image={image} src={image.thumbSrc} alt={imageName(image, t('grid.untitled'))} />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Where the image came from and where it went: the references it was made from, the images made from it. */
export function Lineage({ detail }: { detail: ImageDetail }) {
  const { t } = useTranslation('library');
  return (
    <>
      <ImageLinks title={t('details.references')} images={detail.references} />
      <ImageLinks title={t('details.derived')} images={detail.derived} />
    </>
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

/** Names and values, two columns. */
function FactList({ rows }: { rows: readonly (readonly [string, string])[] }) {
  return (
    <dl className="details-facts">
      {rows.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Facts({ detail }: { detail: ImageDetail }) {
  const { t, i18n } = useTranslation('library');
  const dateTime = useDateTime();
  const { image, generation } = detail;
  const seconds = generation?.finishedAt ? (generation.finishedAt - generation.createdAt) / 1000 : null;
  const model = findModel(image.model)?.label ?? image.model;
  const rows: [string, string][] = [
    [t('details.model'), model || t('details.unknown')],
    [t('details.dimensions'), t('details.dimensionsValue', { width: image.width, height: image.height })],
    [
      t('details.fileInfo'),
      t('details.fileValue', {
        format: image.format.toUpperCase(),
        size: formatBytes(image.bytes, i18n.language),
      }),
    ],
    [t('details.created'), dateTime(image.createdAt)],
  ];
  if (generation && image.generationId !== null && generation.usage && generation.usage.generatedImages > 1) {
    rows.push([
      t('details.position'),
      t('details.positionValue', { position: image.position + 1, count: generation.usage.generatedImages }),
    ]);
  }
  if (generation?.cost) {
    // The price in force when it was sent, kept with it: later price changes do not rewrite it.
    const price = generation.pricePerImage ? formatMoney(generation.pricePerImage) : null;
    rows.push([
      t('details.cost'),
      price === null
        ? formatMoney(generation.cost)
        : t('details.costValue', { cost: formatMoney(generation.cost), price }),
    ]);
  }
  if (seconds !== null) {
    rows.push([
      t('details.duration'),
      t('details.seconds', {
        value: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(seconds),
      }),
    ]);
  }
  return <FactList rows={rows} />;
}

/** One request fact in words. */
function useFactWords(): (fact: RequestFact) => [string, string] {
  const { t, i18n } = useTranslation('library');
  const number = new Intl.NumberFormat(i18n.language);
  return (fact) => {
    switch (fact.kind) {
      case 'model':
        return [t('request.model'), fact.name];
      case 'size':
        return [t('request.size'), t('details.dimensionsValue', { width: fact.width, height: fact.height })];
      case 'sizePreset':
        return [t('request.size'), fact.preset];
      case 'images':
        return [
          t('request.images'),
          fact.sequence ? t('request.sequence', { count: fact.count }) : t('request.single'),
        ];
      case 'outputFormat':
        return [t('request.outputFormat'), fact.format];
      case 'watermark':
        return [t('request.watermark'), fact.on ? t('request.on') : t('request.off')];
      case 'seed':
        return [t('request.seed'), String(fact.value)];
      case 'guidance':
        return [t('request.guidance'), number.format(fact.value)];
      case 'delivery':
        return [t('request.delivery'), fact.as === 'link' ? t('request.link') : t('request.data')];
      case 'progressive':
        return [t('request.progressive'), fact.on ? t('request.on') : t('request.off')];
      case 'other':
        return [fact.name, fact.value];
    }
  };
}

/** What was sent to the API, folded away and worded for people (model names, "4 images, sequence"). */
export function Request({ detail }: { detail: ImageDetail }) {
  const { t } = useTranslation('library');
  const words = useFactWords();
  const generation = detail.generation;
  if (!generation || Object.keys(generation.params).length === 0) return null;
  const rows = describeRequest(generation.params).map(words);
  return (
    <details className="details-section inspector-request" aria-label={t('request.title')}>
      <summary>{t('request.title')}</summary>
      <FactList rows={rows} />
    </details>
  );
}
