import { describe, expect, it } from 'vitest';
import { testApp } from '../../support/app-store';
import { failed, ok } from '../../support/fake-api';
import { image } from '../../support/images';
import { queueItem, queueSnapshot } from '../../support/queue';

describe('queue slice', () => {
  it('loads the queue and follows queue:changed', async () => {
    const app = testApp({ 'queue:list': () => ok(queueSnapshot([queueItem(1, 'a')])) });
    await app.store.getState().loadQueue();
    expect(app.store.getState().queue?.items.map((item) => item.id)).toEqual([1]);
    const stop = app.store.getState().watchQueue();
    app.fake.emit('queue:changed', queueSnapshot([], { paused: true }));
    expect(app.store.getState().queue).toMatchObject({ paused: true, items: [] });
    stop();
    expect(app.fake.listenerCount('queue:changed')).toBe(0);
  });

  it('adds every prompt a template makes, with the tray, and blocks a template left unfilled', async () => {
    const app = testApp({ 'queue:add': () => ok(queueSnapshot()) });
    const state = () => app.store.getState();
    state().replaceReferences([image(7)]);
    state().updateDraft({ prompt: '{subject} in {spring|autumn}' });
    expect(await state().queueDraft()).toBe('prompt');
    expect(app.fake.callsTo('queue:add')).toEqual([]);
    state().setTemplateValue('subject', '一只猫');
    expect(await state().queueDraft()).toBeNull();
    const [added] = app.fake.callsTo('queue:add');
    expect(added?.items.map((item) => [item.request.prompt, item.referenceIds])).toEqual([
      ['一只猫 in spring', [7]],
      ['一只猫 in autumn', [7]],
    ]);
  });

  it('moves a waiting item by sending the new order of the waiting items', async () => {
    const items = [
      queueItem(1, 'running', { state: 'running' }),
      queueItem(2, 'b'),
      queueItem(3, 'c'),
      queueItem(4, 'd'),
    ];
    const app = testApp({
      'queue:list': () => ok(queueSnapshot(items)),
      'queue:reorder': () => ok(queueSnapshot(items)),
    });
    await app.store.getState().loadQueue();
    await app.store.getState().moveQueueItem(4, -1);
    await app.store.getState().moveQueueItem(2, -1);
    expect(app.fake.callsTo('queue:reorder')).toEqual([{ ids: [2, 4, 3] }]);
  });

  it('keeps what main refused to show it', async () => {
    const app = testApp({
      'queue:retry': () => failed('Whether these requests were made is unknown.', 'invalid-input'),
    });
    await app.store.getState().retryQueueItem(3, false);
    expect(app.store.getState().queueError?.message).toMatch(/unknown/);
  });
});
