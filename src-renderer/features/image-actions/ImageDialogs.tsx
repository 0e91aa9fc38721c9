import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/use-app-store';
import { NameDialog } from '../../components/NameDialog';

/** The naming dialogs menus open (a tag to add, a new collection to fill); each view that has menus shows them. */
export function ImageDialogs() {
  const { t } = useTranslation('library');
  const dialog = useAppStore((s) => s.imageDialog);
  const close = useAppStore((s) => s.closeImageDialog);
  const tags = useAppStore((s) => s.libraryTags);
  const tag = useAppStore((s) => s.tagLibraryImages);
  const create = useAppStore((s) => s.createLibraryCollection);
  const addTo = useAppStore((s) => s.addToLibraryCollection);
  const ids = dialog?.ids ?? [];
  const onOpenChange = (open: boolean) => {
    if (!open) close();
  };
  return (
    <>
      <NameDialog
        open={dialog?.kind === 'tag'}
        title={ids.length === 1 ? t('tags.addTitle') : t('tags.addTitleMany', { count: ids.length })}
        label={t('tags.nameLabel')}
        submitLabel={t('tags.add')}
        initialName=""
        suggestions={tags.map((item) => item.name)}
        onOpenChange={onOpenChange}
        onSubmit={(name) => tag(ids, name)}
      />
      <NameDialog
        open={dialog?.kind === 'collection'}
        title={t('collections.createTitle')}
        label={t('collections.nameLabel')}
        submitLabel={t('collections.createAndAdd')}
        initialName=""
        onOpenChange={onOpenChange}
        onSubmit={async (name) => {
          const collection = await create(name);
          if (collection) await addTo(ids, collection);
          return collection !== null;
        }}
      />
    </>
  );
}
