import type { LibraryChanges } from '../app/library-changes';
import type { Presenter } from '../app/presenter';
import type { Translate } from '../i18n/desktop-i18n';
import type { HandlersOf } from '../ipc/dispatch';
import type { Library } from '../library/library';
import type { DesktopPort } from '../shell/desktop-port';
import { notFound } from './not-found';

export interface LibraryHandlersDeps {
  library: Library;
  present: Presenter;
  changes: LibraryChanges;
  /** Asks where an export goes. */
  desktop: Pick<DesktopPort, 'chooseFolder'>;
  translate: Translate;
}

/** Browsing the library, favorites and the trash, import, export and the integrity check. */
export function libraryHandlers({
  library,
  present,
  changes,
  desktop,
  translate,
}: LibraryHandlersDeps): HandlersOf<'library'> {
  return {
    'library:list': ({ query, filter, sort, cursor, limit }) => {
      const page = library.images.list({ query, filter, sort, cursor, limit });
      const total = changes.total(query, filter, cursor === null);
      return {
        items: page.items.map(present.image),
        nextCursor: page.nextCursor,
        total: total.count,
        totalIsLowerBound: total.atLeast,
      };
    },
    'library:detail': ({ id }) => {
      const detail = library.details.detail(id);
      if (!detail) throw notFound('This image');
      return present.detail(detail);
    },
    'library:stats': () => library.summary.stats(),
    'library:models': () => library.images.models(),
    'library:setFavorite': ({ ids, favorite }) => {
      library.operations.setFavorite(ids, favorite);
      changes.announce('updated');
      return null;
    },
    'library:trash': ({ ids }) => {
      library.operations.trash(ids);
      changes.announce('trashed');
      return null;
    },
    'library:restore': ({ ids }) => {
      library.operations.restore(ids);
      changes.announce('restored');
      return null;
    },
    'library:emptyTrash': () => {
      const result = library.operations.emptyTrash();
      changes.announce('trashed');
      return result;
    },
    'library:import': async ({ files }) => {
      const outcomes = await library.importFiles(files);
      if (outcomes.some((outcome) => outcome.image && !outcome.duplicate)) changes.announce('imported');
      return outcomes.map((outcome) => ({
        name: outcome.name,
        image: outcome.image ? present.image(outcome.image) : null,
        duplicate: outcome.duplicate,
        error: outcome.error,
      }));
    },
    'library:export': async ({ ids }) => {
      const folder = await desktop.chooseFolder(translate('dialog.exportTitle'));
      if (folder === null) return null;
      const result = await library.exportImages(ids, folder);
      return { folder: result.folder, count: result.exported.length, skipped: result.skipped };
    },
    'library:check': ({ full }) => library.check(full),
  };
}
