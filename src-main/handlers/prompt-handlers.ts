import type { Presenter } from '../app/presenter';
import type { HandlersOf } from '../ipc/dispatch';
import type { Library } from '../library/library';

/** Prompt history and the prompt library (saved prompts, templates allowed). */
export function promptHandlers({ library }: { library: Pick<Library, 'prompts'> }): HandlersOf<'prompts'> {
  const { prompts } = library;
  return {
    'prompts:history': ({ query, limit }) => prompts.history(query, limit),
    'prompts:saved': () => prompts.saved(),
    'prompts:save': (prompt) => prompts.save(prompt),
    'prompts:delete': ({ id }) => {
      prompts.remove(id);
      return null;
    },
  };
}

/** Reference sets: saved groups of library images, and the generations that used them. */
export function referenceSetHandlers({
  library,
  present,
}: {
  library: Pick<Library, 'referenceSets'>;
  present: Presenter;
}): HandlersOf<'referenceSets'> {
  const sets = library.referenceSets;
  const presentSet = (set: ReturnType<typeof sets.save>) => ({
    ...set,
    images: set.images.map(present.image),
  });
  return {
    'referenceSets:list': () => sets.list().map(presentSet),
    'referenceSets:save': (set) => presentSet(sets.save(set)),
    'referenceSets:delete': ({ id }) => {
      sets.remove(id);
      return null;
    },
    'referenceSets:uses': ({ id }) =>
      sets.uses(id).map((use) => ({ ...use, image: use.image ? present.image(use.image) : null })),
  };
}
