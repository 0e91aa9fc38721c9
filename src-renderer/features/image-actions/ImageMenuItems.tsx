import type * as ContextMenu from '@radix-ui/react-context-menu';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/use-app-store';
import type { ImageCommand } from './image-commands';

/**
 * The parts of a Radix menu the items need. Radix's context menu and dropdown menu are the same menu under two
 * triggers, so one list of items serves both (right-click on a cell, the inspector's "More actions").
 */
export type MenuKit = Pick<
  typeof ContextMenu,
  'Item' | 'Separator' | 'Sub' | 'SubTrigger' | 'SubContent' | 'Portal'
>;

function CollectionItems({ kit, ids }: { kit: MenuKit; ids: number[] }) {
  const { t } = useTranslation('library');
  const collections = useAppStore((s) => s.libraryCollections);
  const addTo = useAppStore((s) => s.addToLibraryCollection);
  const askForCollection = useAppStore((s) => s.askForCollection);
  const { Item, Separator } = kit;
  return (
    <>
      {collections.map((collection) => (
        <Item
          key={collection.id}
          className="menu__item"
          onSelect={() => {
            void addTo(ids, collection);
          }}
        >
          {collection.name}
        </Item>
      ))}
      {collections.length > 0 && <Separator className="menu__separator" />}
      <Item
        className="menu__item"
        onSelect={() => {
          askForCollection(ids);
        }}
      >
        {t('collections.newEllipsis')}
      </Item>
    </>
  );
}

/** Command groups as menu items, a separator between groups, collections as a submenu. */
export function ImageMenuItems({
  kit,
  groups,
  ids,
}: {
  kit: MenuKit;
  groups: ImageCommand[][];
  ids: number[];
}) {
  const { Item, Separator, Sub, SubTrigger, SubContent, Portal } = kit;
  return groups.map((group, index) => (
    <Fragment key={group[0]?.id ?? index}>
      {index > 0 && <Separator className="menu__separator" />}
      {group.map((command) =>
        command.submenu === 'collections' ? (
          <Sub key={command.id}>
            <SubTrigger className="menu__item menu__item--sub">{command.label}</SubTrigger>
            <Portal>
              <SubContent className="menu" sideOffset={4}>
                <CollectionItems kit={kit} ids={ids} />
              </SubContent>
            </Portal>
          </Sub>
        ) : (
          <Item
            key={command.id}
            className={command.danger ? 'menu__item menu__item--danger' : 'menu__item'}
            onSelect={command.run}
          >
            {command.label}
            {command.shortcut && <span className="menu__shortcut">{command.shortcut}</span>}
          </Item>
        ),
      )}
    </Fragment>
  ));
}
