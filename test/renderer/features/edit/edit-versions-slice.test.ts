import { describe, expect, it } from 'vitest';
import { emptyEditDocument } from '../../../../src-preload/contract/edit';
import type { StoredEditVersion } from '../../../../src-preload/contract/edit-results';
import { testApp } from '../../support/app-store';
import { deferred, failed, ok } from '../../support/fake-api';
import { image } from '../../support/images';
import { job } from '../../support/jobs';

const root = image(1, { generationId: 1 });

function stored(patch: Partial<StoredEditVersion> & { generationId: number }): StoredEditVersion {
  return { baseImageId: 1, baseGenerationId: 1, image: null, running: false, error: null, ...patch };
}

/** What the library remembers from the root: two lines, one edit running, one refused, one whose base is gone. */
const remembered: StoredEditVersion[] = [
  stored({ generationId: 10, image: image(11, { generationId: 10 }) }),
  stored({ generationId: 12, baseImageId: 11, baseGenerationId: 10, image: image(13, { generationId: 12 }) }),
  stored({ generationId: 14, running: true }),
  stored({ generationId: 15, error: { code: 'content-rejected', message: 'Refused.' } }),
  stored({ generationId: 16, baseImageId: 99, baseGenerationId: 98, image: image(17, { generationId: 16 }) }),
];

async function openedWith(versions: StoredEditVersion[]) {
  const app = testApp({
    'edit:takeOpened': () => ok({ images: [], problems: [] }),
    'edit:versions': () => ok(versions),
  });
  app.store.getState().watchEdit();
  app.store.getState().openEditBase(root);
  await expect.poll(() => app.store.getState().editVersions.length).toBe(versions.length + 1);
  return app;
}

const summary = (app: ReturnType<typeof testApp>) =>
  app.store
    .getState()
    .editVersions.map((version) => [
      version.key,
      version.number,
      version.parentKey,
      version.image?.id ?? null,
      version.error?.message ?? null,
    ]);

describe('the versions of a picture, from the library', () => {
  it('lists every edit made from it, as the tree of versions the session would have built', async () => {
    const app = await openedWith(remembered);
    expect(app.fake.callsTo('edit:versions')).toEqual([{ imageId: 1 }]);
    expect(summary(app)).toEqual([
      ['original-1', 0, null, 1, null],
      ['edit-10', 1, 'original-1', 11, null],
      ['edit-12', 2, 'edit-10', 13, null],
      ['edit-14', 3, 'original-1', null, null],
      ['edit-15', 4, 'original-1', null, 'Refused.'],
      ['edit-16', 5, null, 17, null],
    ]);
    expect(app.store.getState().editBaseVersion).toBe('original-1');
  });

  it('follows an edit still running, and continues a remembered version on a branch that keeps both lines', async () => {
    const app = await openedWith(remembered);
    app.fake.emit(
      'generation:progress',
      job({
        jobId: 'earlier',
        generationId: 14,
        finishedAt: 9,
        phase: 'done',
        slots: [{ index: 0, state: 'saved', image: image(18), error: null }],
      }),
    );
    expect(app.store.getState().editVersions[3]?.image?.id).toBe(18);

    app.store.getState().continueFromVersion('edit-10');
    expect(app.store.getState().editBase?.id).toBe(11);
    app.fake.answer({
      'edit:apply': () => ok({ job: job({ jobId: 'new', generationId: 30 }), sent: image(11), prompt: 'x' }),
    });
    app.store.getState().setEditPrompt('again');
    await app.store.getState().applyEdit();
    const versions = app.store.getState().editVersions;
    expect(versions.map((version) => version.key)).toEqual([
      'original-1',
      'edit-10',
      'edit-12',
      'edit-14',
      'edit-15',
      'edit-16',
      'edit-30',
    ]);
    expect(versions.at(-1)).toMatchObject({ number: 6, parentKey: 'edit-10', jobId: 'new' });
  });

  it('keeps an edit applied before the library answered, numbered in the order the edits were made', async () => {
    const answer = deferred<ReturnType<typeof ok<StoredEditVersion[]>>>();
    const app = testApp({
      'edit:versions': () => answer.promise,
      'edit:apply': () => ok({ job: job({ jobId: 'quick', generationId: 40 }), sent: root, prompt: 'x' }),
    });
    app.store.getState().openEditBase(root);
    app.store.getState().setEditPrompt('quick');
    await app.store.getState().applyEdit();
    answer.resolve(ok(remembered.slice(0, 2)));
    await expect.poll(() => app.store.getState().editVersions.length).toBe(4);
    expect(summary(app).map(([key, number, parent]) => [key, number, parent])).toEqual([
      ['original-1', 0, null],
      ['edit-10', 1, 'original-1'],
      ['edit-12', 2, 'edit-10'],
      ['edit-40', 3, 'original-1'],
    ]);
  });

  it('drops an answer about a picture that is no longer open, and says why the list could not be read', async () => {
    const late = deferred<ReturnType<typeof ok<StoredEditVersion[]>>>();
    const app = testApp({ 'edit:versions': () => late.promise });
    app.store.getState().openEditBase(root);
    app.fake.answer({ 'edit:versions': () => failed('The library is locked.') });
    app.store.getState().openEditBase(image(2));
    late.resolve(ok(remembered));
    await expect.poll(() => app.store.getState().toasts.length).toBe(1);
    expect(app.store.getState().toasts[0]?.notice).toMatchObject({ message: 'The library is locked.' });
    expect(summary(app)).toEqual([['original-2', 0, null, 2, null]]);
  });

  it('reopening an edit of a picture not in the list lists that picture’s versions', async () => {
    const app = testApp({
      'edit:versions': ({ imageId }) => ok(imageId === 1 ? remembered.slice(0, 1) : []),
      'edit:reopen': () =>
        ok({
          generationId: 10,
          base: root,
          references: [],
          marked: null,
          document: emptyEditDocument({ width: root.width, height: root.height }),
          request: { ...job().request, prompt: 'add a window' },
        }),
    });
    app.store.getState().openEditBase(image(5));
    await app.store.getState().reopenEdit(10);
    await expect.poll(() => app.store.getState().editVersions.length).toBe(2);
    expect(app.fake.callsTo('edit:versions')).toEqual([{ imageId: 5 }, { imageId: 1 }]);
    expect(app.store.getState().editPrompt).toBe('add a window');
    expect(app.store.getState().editBaseVersion).toBe('original-1');
  });
});
