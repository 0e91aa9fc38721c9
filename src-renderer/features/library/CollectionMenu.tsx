import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/use-app-store';

interface CollectionMenuProps {
  ids: number[];
  /** Collections the images are already in, left out of the menu. */
  exclude?: ReadonlySet<number>;
  small?: boolean;
}

/** "Add to collection": every collection, plus making a new one that the images go straight into. */
export function CollectionMenu({ ids, exclude, small = false }: CollectionMenuProps) {
  const { t } = useTranslation('library');
  const collections = useAppStore((s) => s.libraryCollections);
  const addTo = useAppStore((s) => s.addToLibraryCollection);
  const askForCollection = useAppStore((s) => s.askForCollection);
  const choices = collections.filter((collection) => !exclude?.has(collection.id));

  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className={small ? 'button button--small' : 'button'} disabled={ids.length === 0}>
        {t('actions.addToCollection')}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="start" sideOffset={4}>
          {choices.map((collection) => (
            <DropdownMenu.Item
              key={collection.id}
              className="menu__item"
              onSelect={() => {
                void addTo(ids, collection);
              }}
            >
              {collection.name}
            </DropdownMenu.Item>
          ))}
          {choices.length > 0 && <DropdownMenu.Separator className="menu__separator" />}
          <DropdownMenu.Item
            className="menu__item"
            onSelect={() => {
              askForCollection(ids);
            }}
          >
            {t('collections.newEllipsis')}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
