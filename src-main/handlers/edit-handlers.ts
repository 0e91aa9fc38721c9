import type { OpenedImages } from '../app/opened-images';
import type { Presenter } from '../app/presenter';
import type { LibraryChanges } from '../app/library-changes';
import type { HandlersOf } from '../ipc/dispatch';
import type { EditApplier } from '../jobs/apply-edit';

/** Applying an edit from the Edit view, and bringing an applied one back onto the canvas. */
export function editHandlers({
  edits,
  opened,
  present,
  changes,
}: {
  edits: EditApplier;
  opened: Pick<OpenedImages, 'take'>;
  present: Presenter;
  changes: LibraryChanges;
}): HandlersOf<'edit'> {
  return {
    'edit:apply': async (input) => {
      const started = await edits.apply(input);
      // The marked copy joined the library.
      changes.announce('imported');
      return {
        job: present.snapshot(started.snapshot),
        sent: present.image(started.sent),
        prompt: started.prompt,
      };
    },
    'edit:takeOpened': () => opened.take(),
    'edit:reopen': ({ generationId }) => {
      const reopened = edits.reopen(generationId);
      return {
        ...reopened,
        base: present.image(reopened.base),
        references: reopened.references.map(present.image),
        marked: reopened.marked === null ? null : present.image(reopened.marked),
      };
    },
    'edit:versions': ({ imageId }) =>
      edits.versions(imageId).map((version) => ({
        ...version,
        image: version.image === null ? null : present.image(version.image),
      })),
  };
}
