import type { Presenter } from '../app/presenter';
import type { LibraryChanges } from '../app/library-changes';
import type { HandlersOf } from '../ipc/dispatch';
import type { EditApplier } from '../jobs/apply-edit';

/** Applying an edit from the Edit view, and bringing an applied one back onto the canvas. */
export function editHandlers({
  edits,
  present,
  changes,
}: {
  edits: EditApplier;
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
    'edit:reopen': ({ generationId }) => {
      const reopened = edits.reopen(generationId);
      return {
        ...reopened,
        base: present.image(reopened.base),
        references: reopened.references.map(present.image),
        marked: reopened.marked === null ? null : present.image(reopened.marked),
      };
    },
  };
}
