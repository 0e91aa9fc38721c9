import { useState } from 'react';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useTranslation } from 'react-i18next';
import type { Collection } from '../../../src-preload/contract/library-types';
import { useAppStore } from '../../app/use-app-store';
import { formatBytes } from './format';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { NameDialog } from '../../components/NameDialog';

type CollectionDialog =
  | { kind: 'create' }
  | { kind: 'rename'; collection: Collection }
  | { kind: 'delete'; collection: Collection };

function CollectionItem({
  collection,
  current,
  onAction,
}: {
  collection: Collection;
  current: boolean;
  onAction: (dialog: CollectionDialog) => void;
}) {
  const { t } = useTranslation('library');
  const setFilters = useAppStore((s) => s.setLibraryFilters);
  return (
    <li className="library-places__row">
      <button
        type="button"
        className="library-places__item"
        aria-current={current ? 'page' : undefined}
        onClick={() => {
          setFilters({ collectionId: collection.id, trashed: false });
        }}
      >
        <span className="library-places__name">{collection.name}</span>
        <span className="library-places__count">{collection.imageCount}</span>
      </button>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger
          className="library-places__menu"
          aria-label={t('collections.actionsFor', { name: collection.name })}
        >
          ⋯
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="menu" align="start" sideOffset={4}>
            <DropdownMenu.Item
              className="menu__item"
              onSelect={() => {
                onAction({ kind: 'rename', collection });
              }}
            >
              {t('collections.renameEllipsis')}
            </DropdownMenu.Item>
            <DropdownMenu.Item
              className="menu__item menu__item--danger"
              onSelect={() => {
                onAction({ kind: 'delete', collection });
              }}
            >
              {t('collections.deleteEllipsis')}
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
    </li>
  );
}

/** The library in numbers a person wants: how many images, and how much room they take. */
function Stats() {
  const { t, i18n } = useTranslation('library');
  const stats = useAppStore((s) => s.libraryStats);
  if (!stats || stats.images === 0) return null;
  return (
    <p className="library-stats">
      {t('stats.summary', { count: stats.images, size: formatBytes(stats.bytes, i18n.language) })}
    </p>
  );
}

/** Where to look: the whole library, one collection, or the trash; plus managing collections. */
export function LibrarySidebar() {
  const { t } = useTranslation('library');
  const filters = useAppStore((s) => s.libraryQuery.filters);
  const setFilters = useAppStore((s) => s.setLibraryFilters);
  const collections = useAppStore((s) => s.libraryCollections);
  const create = useAppStore((s) => s.createLibraryCollection);
  const rename = useAppStore((s) => s.renameLibraryCollection);
  const remove = useAppStore((s) => s.deleteLibraryCollection);
  const emptyTrash = useAppStore((s) => s.emptyLibraryTrash);
  // Known empty from either side: the statistics, or the trash listed right now.
  const trashEmpty = useAppStore(
    (s) => s.libraryStats?.trashedImages === 0 || (s.libraryQuery.filters.trashed && s.libraryTotal === 0),
  );
  const [dialog, setDialog] = useState<CollectionDialog | null>(null);
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const allCurrent = !filters.trashed && filters.collectionId === null;
  const closeDialog = (open: boolean) => {
    if (!open) setDialog(null);
  };

  return (
    <nav className="library-sidebar" aria-label={t('places.label')}>
      <ul className="library-places">
        <li>
          <button
            type="button"
            className="library-places__item"
            aria-current={allCurrent ? 'page' : undefined}
            onClick={() => {
              setFilters({ collectionId: null, trashed: false });
            }}
          >
            {t('places.all')}
          </button>
        </li>
        <li>
          <button
            type="button"
            className="library-places__item"
            aria-current={filters.trashed ? 'page' : undefined}
            onClick={() => {
              setFilters({ collectionId: null, trashed: true });
            }}
          >
            {t('places.trash')}
          </button>
        </li>
      </ul>
      {filters.trashed && (
        <button
          type="button"
          className="button button--danger"
          disabled={trashEmpty}
          title={trashEmpty ? t('places.trashIsEmpty') : undefined}
          onClick={() => {
            setConfirmEmpty(true);
          }}
        >
          {t('places.emptyTrash')}
        </button>
      )}
      <div className="library-sidebar__heading">
        <h2>{t('collections.heading')}</h2>
        <button
          type="button"
          className="button button--small"
          aria-label={t('collections.create')}
          title={t('collections.create')}
          onClick={() => {
            setDialog({ kind: 'create' });
          }}
        >
          +
        </button>
      </div>
      {collections.length === 0 ? (
        <p className="library-sidebar__hint">{t('collections.none')}</p>
      ) : (
        <ul className="library-places" aria-label={t('collections.heading')}>
          {collections.map((collection) => (
            <CollectionItem
              key={collection.id}
              collection={collection}
              current={filters.collectionId === collection.id}
              onAction={setDialog}
            />
          ))}
        </ul>
      )}
      <Stats />
      <NameDialog
        open={dialog?.kind === 'create'}
        title={t('collections.createTitle')}
        label={t('collections.nameLabel')}
        submitLabel={t('collections.createSubmit')}
        initialName=""
        onOpenChange={closeDialog}
        onSubmit={async (name) => (await create(name)) !== null}
      />
      <NameDialog
        open={dialog?.kind === 'rename'}
        title={t('collections.renameTitle')}
        label={t('collections.nameLabel')}
        submitLabel={t('collections.renameSubmit')}
        initialName={dialog?.kind === 'rename' ? dialog.collection.name : ''}
        onOpenChange={closeDialog}
        onSubmit={(name) =>
          dialog?.kind === 'rename' ? rename(dialog.collection.id, name) : Promise.resolve(false)
        }
      />
      <ConfirmDialog
        open={dialog?.kind === 'delete'}
        title={t('collections.deleteTitle', {
          name: dialog?.kind === 'delete' ? dialog.collection.name : '',
        })}
        body={t('collections.deleteBody')}
        confirmLabel={t('collections.deleteSubmit')}
        onOpenChange={closeDialog}
        onConfirm={() => (dialog?.kind === 'delete' ? remove(dialog.collection.id) : Promise.resolve(false))}
      />
      <ConfirmDialog
        open={confirmEmpty}
        title={t('places.emptyTrashTitle')}
        body={t('places.emptyTrashBody')}
        confirmLabel={t('places.emptyTrash')}
        onOpenChange={setConfirmEmpty}
        onConfirm={emptyTrash}
      />
    </nav>
  );
}
