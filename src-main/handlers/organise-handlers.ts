import type { LibraryChanges } from '../app/library-changes';
import type { HandlersOf } from '../ipc/dispatch';
import type { Library } from '../library/library';

/** Tags and collections: listing them, and putting images in and out of them. */
export function organiseHandlers({
  library,
  changes,
}: {
  library: Pick<Library, 'summary' | 'operations'>;
  changes: LibraryChanges;
}): HandlersOf<'tags' | 'collections'> {
  return {
    'tags:list': () => library.summary.tags(),
    'tags:add': ({ ids, name }) => {
      const tag = library.operations.addTag(ids, name);
      changes.announce('updated');
      return tag;
    },
    'tags:remove': ({ ids, tagId }) => {
      library.operations.removeTag(ids, tagId);
      changes.announce('updated');
      return null;
    },

    'collections:list': () => library.summary.collections(),
    'collections:create': ({ name }) => library.operations.createCollection(name),
    'collections:rename': ({ id, name }) => library.operations.renameCollection(id, name),
    'collections:delete': ({ id }) => {
      library.operations.deleteCollection(id);
      changes.announce('updated');
      return null;
    },
    'collections:add': ({ ids, collectionId }) => {
      library.operations.addToCollection(collectionId, ids);
      changes.announce('updated');
      return null;
    },
    'collections:remove': ({ ids, collectionId }) => {
      library.operations.removeFromCollection(collectionId, ids);
      changes.announce('updated');
      return null;
    },
  };
}
