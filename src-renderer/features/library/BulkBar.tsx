import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useAppStoreApi } from '../../app/use-app-store';
import { CollectionMenu } from './CollectionMenu';
import { NameDialog } from '../../components/NameDialog';
import { emptySelection } from './selection';

/** Actions on every selected image at once; shown only while something is selected. */
export function BulkBar() {
  const { t } = useTranslation('library');
  const selection = useAppStore((s) => s.librarySelection);
  const filters = useAppStore((s) => s.libraryQuery.filters);
  const collections = useAppStore((s) => s.libraryCollections);
  const tags = useAppStore((s) => s.libraryTags);
  const setSelection = useAppStore((s) => s.setLibrarySelection);
  const setFavorite = useAppStore((s) => s.setFavorite);
  const tag = useAppStore((s) => s.tagLibraryImages);
  const exportImages = useAppStore((s) => s.exportLibraryImages);
  const trash = useAppStore((s) => s.trashLibraryImages);
  const restore = useAppStore((s) => s.restoreLibraryImages);
  const removeFrom = useAppStore((s) => s.removeFromLibraryCollection);
  const asReferences = useAppStore((s) => s.sendToReferenceTray);
  const store = useAppStoreApi();
  const [tagging, setTagging] = useState(false);
  const count = selection.ids.size;
  if (count === 0) return null;
  const ids = [...selection.ids];
  const collection = collections.find((item) => item.id === filters.collectionId);

  return (
    <div className="bulk-bar" role="toolbar" aria-label={t('bulk.label')}>
      <span className="bulk-bar__count">{t('bulk.selected', { count })}</span>
      {filters.trashed ? (
        <button type="button" className="button button--primary" onClick={() => void restore(ids)}>
          {t('actions.restore')}
        </button>
      ) : (
        <>
          <button type="button" className="button" onClick={() => void setFavorite(ids, true)}>
            {t('actions.favorite')}
          </button>
          <button type="button" className="button" onClick={() => void setFavorite(ids, false)}>
            {t('actions.unfavorite')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setTagging(true);
            }}
          >
            {t('actions.addTag')}
          </button>
          <CollectionMenu ids={ids} />
          <button
            type="button"
            className="button"
            onClick={() => {
              const { libraryItems } = store.getState();
              asReferences(libraryItems.filter((image) => selection.ids.has(image.id)));
            }}
          >
            {t('actions.useAsReferences')}
          </button>
          {collection && (
            <button type="button" className="button" onClick={() => void removeFrom(ids, collection)}>
              {t('actions.removeFromCollection', { name: collection.name })}
            </button>
          )}
          <button type="button" className="button" onClick={() => void exportImages(ids)}>
            {t('actions.export')}
          </button>
          <button type="button" className="button button--danger" onClick={() => void trash(ids)}>
            {t('actions.delete')}
          </button>
        </>
      )}
      <button
        type="button"
        className="button"
        onClick={() => {
          setSelection(emptySelection);
        }}
      >
        {t('bulk.clear')}
      </button>
      <NameDialog
        open={tagging}
        title={t('tags.addTitleMany', { count })}
        label={t('tags.nameLabel')}
        submitLabel={t('tags.add')}
        initialName=""
        suggestions={tags.map((item) => item.name)}
        onOpenChange={setTagging}
        onSubmit={(name) => tag(ids, name)}
      />
    </div>
  );
}
