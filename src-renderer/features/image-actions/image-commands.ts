import { useTranslation } from 'react-i18next';
import type { LibraryImage } from '../../../src-preload/contract/library-types';
import { useAppStoreApi } from '../../app/use-app-store';
import { canCompare, type ImageSource } from '../viewer/viewer-slice';

export type CommandId =
  | 'view'
  | 'compare'
  | 'favorite'
  | 'useAsReference'
  | 'edit'
  | 'remix'
  | 'copyImage'
  | 'copyPrompt'
  | 'addTag'
  | 'addToCollection'
  | 'export'
  | 'reveal'
  | 'showInLibrary'
  | 'delete'
  | 'restore';

/** One thing that can be done to the images at hand, as menus and toolbars show it. */
export interface ImageCommand {
  id: CommandId;
  label: string;
  run: () => void;
  /** The key that does the same, shown beside the label. */
  shortcut?: string;
  danger?: boolean;
  /** For a toggle (favorite): whether it is on for every image. */
  pressed?: boolean;
  /** Opens a submenu of collections instead of running. */
  submenu?: 'collections';
}

/** Images acted on together: the one under the pointer, or the whole selection it belongs to. */
export interface CommandTarget {
  images: readonly LibraryImage[];
  source: ImageSource;
}

/**
 * Everything that can be done to saved images, written once for the inspector, the library's context menu and
 * the results' context menu, in groups (a separator between groups). Only what applies to the target is listed:
 * one image can be viewed or edited, two to four compared, images in the trash only restored.
 */
export function useImageCommands(): (target: CommandTarget) => ImageCommand[][] {
  const { t } = useTranslation('library');
  const store = useAppStoreApi();
  return ({ images, source }) => {
    const state = store.getState();
    const ids = images.map((image) => image.id);
    const [only] = images.length === 1 ? images : [];
    if (images.length === 0) return [];
    if (images.every((image) => image.trashedAt !== null)) {
      return [
        [{ id: 'restore', label: t('actions.restore'), run: () => void state.restoreLibraryImages(ids) }],
      ];
    }
    const favorite = images.every((image) => image.favorite);
    const open: ImageCommand[] = [];
    if (only) {
      open.push({
        id: 'view',
        label: t('actions.view'),
        shortcut: t('keys.space'),
        run: () => {
          state.openViewer(source, only.id);
        },
      });
    }
    if (canCompare(images.length)) {
      open.push({
        id: 'compare',
        label: t('actions.compare'),
        shortcut: 'C',
        run: () => {
          state.openCompare(source, ids);
        },
      });
    }
    const use: ImageCommand[] = [
      {
        id: 'favorite',
        label: favorite ? t('actions.unfavorite') : t('actions.favorite'),
        pressed: favorite,
        run: () => void state.setFavorite(ids, !favorite),
      },
      {
        id: 'useAsReference',
        label: only ? t('actions.useAsReference') : t('actions.useAsReferences'),
        run: () => {
          state.sendToReferenceTray([...images]);
        },
      },
    ];
    if (only) {
      use.push({
        id: 'edit',
        label: t('actions.edit'),
        run: () => {
          state.editImage(only);
        },
      });
      const generationId = only.generationId;
      if (generationId !== null) {
        use.push({ id: 'remix', label: t('actions.remix'), run: () => void state.remix(generationId) });
      }
    }
    const copy: ImageCommand[] = only
      ? [
          {
            id: 'copyImage',
            label: t('actions.copyImage'),
            run: () =>
              void state.copyImage(only.id).then((copied) => {
                if (copied) state.notify({ key: 'toast.copiedImage' });
              }),
          },
          {
            id: 'copyPrompt',
            label: t('actions.copyPrompt'),
            run: () => void state.copyLibraryPrompt(only.prompt),
          },
        ]
      : [];
    const organise: ImageCommand[] = [
      {
        id: 'addTag',
        label: t('actions.addTag'),
        run: () => {
          state.askForTag(ids);
        },
      },
      {
        id: 'addToCollection',
        label: t('actions.addToCollection'),
        submenu: 'collections',
        run: () => undefined,
      },
      { id: 'export', label: t('actions.export'), run: () => void state.exportLibraryImages(ids) },
    ];
    if (only) {
      organise.push({
        id: 'reveal',
        label: t('actions.reveal'),
        run: () => void state.revealLibraryImage(only.id),
      });
    }
    if (only && source === 'results') {
      organise.push({
        id: 'showInLibrary',
        label: t('actions.showInLibrary'),
        run: () => {
          state.showInLibrary(only.id);
          state.navigate('library');
        },
      });
    }
    const remove: ImageCommand[] =
      source === 'library'
        ? [
            {
              id: 'delete',
              label: t('actions.delete'),
              shortcut: t('keys.delete'),
              danger: true,
              run: () => void state.trashLibraryImages(ids),
            },
          ]
        : [];
    return [open, use, copy, organise, remove].filter((group) => group.length > 0);
  };
}
