import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useTranslation } from 'react-i18next';
import { useAppStore, useAppStoreApi } from '../../app/use-app-store';
import { Icon } from '../../components/Icon';
import { IconButton } from '../../components/IconButton';
import { canCompare } from '../viewer/viewer-slice';
import { CollectionMenu } from './CollectionMenu';
import { emptySelection } from './selection';

/**
 * Actions on every selected image at once. It takes the toolbar's place while something is selected, in the
 * same row at the same height, so selecting never moves the grid.
 */
export function BulkBar() {
  const { t, i18n } = useTranslation('library');
  const selection = useAppStore((s) => s.librarySelection);
  const filters = useAppStore((s) => s.libraryQuery.filters);
  const collections = useAppStore((s) => s.libraryCollections);
  const setSelection = useAppStore((s) => s.setLibrarySelection);
  const selectAll = useAppStore((s) => s.selectAllLibrary);
  const setFavorite = useAppStore((s) => s.setFavorite);
  const askForTag = useAppStore((s) => s.askForTag);
  const exportImages = useAppStore((s) => s.exportLibraryImages);
  const trash = useAppStore((s) => s.trashLibraryImages);
  const restore = useAppStore((s) => s.restoreLibraryImages);
  const removeFrom = useAppStore((s) => s.removeFromLibraryCollection);
  const asReferences = useAppStore((s) => s.sendToReferenceTray);
  const openCompare = useAppStore((s) => s.openCompare);
  const store = useAppStoreApi();
  const count = selection.ids.size;
  if (count === 0) return null;
  const ids = [...selection.ids];
  const collection = collections.find((item) => item.id === filters.collectionId);
  const inListOrder = () => store.getState().libraryItems.filter((image) => selection.ids.has(image.id));

  return (
    <div className="bulk-bar" role="toolbar" aria-label={t('bulk.label')}>
      <IconButton
        className="button button--quiet button--icon"
        icon="close"
        label={t('bulk.clear')}
        shortcut="Esc"
        onClick={() => {
          setSelection(emptySelection);
        }}
      />
      <span className="bulk-bar__count">
        {t('bulk.selected', { count, formatParams: { count: { lng: i18n.language } } })}
      </span>
      <span className="library-toolbar__spacer" />
      {filters.trashed ? (
        <button type="button" className="button button--primary" onClick={() => void restore(ids)}>
          {t('actions.restore')}
        </button>
      ) : (
        <>
          {canCompare(count) && (
            <button
              type="button"
              className="button"
              title={`${t('actions.compare')} (C)`}
              onClick={() => {
                openCompare(
                  'library',
                  inListOrder().map((image) => image.id),
                );
              }}
            >
              <Icon name="compare" />
              {t('actions.compare')}
            </button>
          )}
          <button type="button" className="button" onClick={() => void setFavorite(ids, true)}>
            <Icon name="star" />
            {t('actions.favorite')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              asReferences(inListOrder());
            }}
          >
            {t('actions.useAsReferences')}
          </button>
          <CollectionMenu ids={ids} />
          <button type="button" className="button" onClick={() => void exportImages(ids)}>
            {t('actions.export')}
          </button>
          <button type="button" className="button button--danger" onClick={() => void trash(ids)}>
            {t('actions.delete')}
          </button>
        </>
      )}
      <DropdownMenu.Root>
        <DropdownMenu.Trigger asChild>
          <IconButton icon="more" label={t('bulk.more')} />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
            {!filters.trashed && (
              <>
                <DropdownMenu.Item className="menu__item" onSelect={() => void setFavorite(ids, false)}>
                  {t('actions.unfavorite')}
                </DropdownMenu.Item>
                <DropdownMenu.Item
                  className="menu__item"
                  onSelect={() => {
                    askForTag(ids);
                  }}
                >
                  {t('actions.addTag')}
                </DropdownMenu.Item>
                {collection && (
                  <DropdownMenu.Item className="menu__item" onSelect={() => void removeFrom(ids, collection)}>
                    {t('actions.removeFromCollection', { name: collection.name })}
                  </DropdownMenu.Item>
                )}
                <DropdownMenu.Separator className="menu__separator" />
              </>
            )}
            <DropdownMenu.Item className="menu__item" onSelect={() => void selectAll()}>
              {t('toolbar.selectAll')}
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
    </div>
  );
}
