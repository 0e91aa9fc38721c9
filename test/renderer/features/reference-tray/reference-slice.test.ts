import { describe, expect, it } from 'vitest';
import type { Result } from '../../../../src-preload/contract/errors';
import type { AddedReference } from '../../../../src-preload/contract/ipc';
import { testApp } from '../../support/app-store';
import { deferred, failed, ok } from '../../support/fake-api';
import { image } from '../../support/images';
import { settle } from '../../support/manual-timers';

function pngFile(name: string, bytes = [137, 80, 78, 71]): File {
  return new File([new Uint8Array(bytes)], name, { type: 'image/png' });
}

describe('the reference tray slice', () => {
  it('sends each file’s bytes to main in drop order, with a placeholder until each is answered', async () => {
    const answers: ReturnType<typeof deferred<Result<AddedReference>>>[] = [];
    const app = testApp({
      'references:add': () => {
        const answer = deferred<Result<AddedReference>>();
        answers.push(answer);
        return answer.promise;
      },
    });
    const adding = app.store.getState().addReferenceFiles([pngFile('a.png'), pngFile('b.png')]);
    await settle();
    expect(app.store.getState().referencesPending).toBe(2);
    const [first] = app.fake.callsTo('references:add');
    expect(first?.name).toBe('a.png');
    expect([...(first?.bytes ?? [])]).toEqual([137, 80, 78, 71]);

    answers[0]?.resolve(ok({ image: image(1), notice: null }));
    await settle();
    expect(app.store.getState()).toMatchObject({ referencesPending: 1 });
    answers[1]?.resolve(ok({ image: image(2), notice: 'Converted from HEIC to PNG.' }));
    await adding;
    const state = app.store.getState();
    expect(state.references.map((item) => item.id)).toEqual([1, 2]);
    expect(state.referencesPending).toBe(0);
    expect(state.referenceMessages).toMatchObject([
      { name: 'b.png', kind: 'notice', text: 'Converted from HEIC to PNG.' },
    ]);
  });

  it('explains each file it could not add, and keeps the rest', async () => {
    const app = testApp({
      'references:add': ({ name }) =>
        name === 'bad.png'
          ? failed('That file is not an image.', 'invalid-image')
          : ok({ image: image(1), notice: null }),
    });
    await app.store
      .getState()
      .addReferenceFiles([
        pngFile('good.png'),
        pngFile('bad.png'),
        new File(['text'], 'notes.txt', { type: 'text/plain' }),
      ]);
    const state = app.store.getState();
    expect(state.references.map((item) => item.id)).toEqual([1]);
    expect(state.referenceMessages).toMatchObject([
      { name: 'notes.txt', kind: 'refused', reason: 'not-image' },
      { name: 'bad.png', kind: 'failed', error: { message: 'That file is not an image.' } },
    ]);
    expect(new Set(state.referenceMessages.map((message) => message.id)).size).toBe(2);
  });

  it('skips library images that cannot be sent or are already there, saying why', () => {
    const app = testApp();
    app.store.getState().addReferences([image(1)]);
    app.store
      .getState()
      .addReferences([image(1), image(2, { fileState: 'missing' }), image(3, { trashedAt: 5 }), image(4)]);
    const state = app.store.getState();
    expect(state.references.map((item) => item.id)).toEqual([1, 4]);
    expect(
      state.referenceMessages.map((message) => [message.name, message.kind === 'refused' && message.reason]),
    ).toEqual([
      ['prompt 2', 'unavailable'],
      ['prompt 3', 'unavailable'],
      ['prompt 1', 'duplicate'],
    ]);
  });

  it('reorders, removes and clears', () => {
    const app = testApp();
    app.store.getState().addReferences([image(1), image(2), image(3)]);
    app.store.getState().moveReference(1, 2);
    expect(app.store.getState().references.map((item) => item.id)).toEqual([2, 3, 1]);
    app.store.getState().removeReference(3);
    expect(app.store.getState().references.map((item) => item.id)).toEqual([2, 1]);
    app.store.getState().clearReferences();
    expect(app.store.getState().references).toEqual([]);
  });
});
