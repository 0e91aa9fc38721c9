import { describe, expect, it } from 'vitest';
import type { AppError, Result } from '../../../../src-preload/contract/errors';
import type { LibraryImage, ListInput, ListPage } from '../../../../src-preload/contract/library-types';
import { initialQuery } from '../../../../src-renderer/features/library/library-query';
import {
  createListController,
  refreshDelayMs,
  searchDebounceMs,
  type ListView,
} from '../../../../src-renderer/features/library/list-controller';
import { newestFirst, pagedList } from '../../support/catalog';
import { deferred } from '../../support/fake-api';
import { image } from '../../support/images';
import { manualTimers, settle } from '../../support/manual-timers';

/** The store's side, kept as plain fields so each test reads what the controller made of the answers. */
function recordingView() {
  const state = {
    query: initialQuery,
    items: [] as LibraryImage[],
    total: null as number | null,
    atLeast: false,
    loading: false,
    error: null as AppError | null,
    starts: 0,
    refreshes: 0,
    catchUps: 0,
    prepended: [] as number[],
  };
  const view: ListView = {
    query: () => state.query,
    items: () => state.items,
    screenSlots: () => 30,
    loading: () => {
      state.loading = true;
    },
    started: (items, { count, atLeast }) => {
      Object.assign(state, { items, total: count, atLeast, loading: false, starts: state.starts + 1 });
    },
    refreshed: (items, { count, atLeast }) => {
      Object.assign(state, { items, total: count, atLeast });
    },
    appended: (items, { count, atLeast }) => {
      Object.assign(state, { items: state.items.concat(items), total: count, atLeast });
    },
    prepended: (items, { count, atLeast }) => {
      state.prepended.push(items.length);
      Object.assign(state, { items: [...items, ...state.items], total: count, atLeast });
    },
    failed: (error) => {
      Object.assign(state, { error, loading: false });
    },
    refreshEnded: () => {
      state.refreshes += 1;
    },
    catchingUp: () => {
      state.catchUps += 1;
    },
  };
  return { state, view };
}

/** A controller over a catalog the test can change, recording every request. */
function setup(catalog: LibraryImage[] = newestFirst(1000), countCap?: number) {
  const clock = manualTimers();
  const { state, view } = recordingView();
  const requests: ListInput[] = [];
  let images = catalog;
  const answer = pagedList(() => images, countCap);
  const controller = createListController({
    list: (input) => {
      requests.push(input);
      return Promise.resolve(answer(input));
    },
    timers: clock.timers,
    view,
  });
  return {
    controller,
    state,
    clock,
    requests,
    setCatalog: (next: LibraryImage[]) => {
      images = next;
    },
  };
}

describe('the library list controller', () => {
  it('drops a slow page for an older search that arrives after the newer one', async () => {
    const clock = manualTimers();
    const { state, view } = recordingView();
    const answers = new Map<string, ReturnType<typeof deferred<Result<ListPage>>>>();
    const controller = createListController({
      list: (input) => {
        const pending = deferred<Result<ListPage>>();
        answers.set(input.query ?? '', pending);
        return pending.promise;
      },
      timers: clock.timers,
      view,
    });
    const page = (prompt: string, id: number): Result<ListPage> => ({
      ok: true,
      value: { items: [image(id, { prompt })], nextCursor: null, total: 1, totalIsLowerBound: false },
    });

    state.query = { ...initialQuery, text: 'fox' };
    controller.queryChanged(true);
    await clock.advance(searchDebounceMs);
    state.query = { ...initialQuery, text: 'fox in snow' };
    controller.queryChanged(true);
    await clock.advance(searchDebounceMs);

    answers.get('fox in snow')?.resolve(page('fox in snow', 2));
    await settle();
    expect(state.items.map((item) => item.prompt)).toEqual(['fox in snow']);

    answers.get('fox')?.resolve(page('fox', 1));
    await settle();
    expect(state.items.map((item) => item.prompt)).toEqual(['fox in snow']);
    expect(state.starts).toBe(1);
  });

  it('drops an answer to the previous text that lands while the next keystroke waits for its pause', async () => {
    const clock = manualTimers();
    const { state, view } = recordingView();
    const first = deferred<Result<ListPage>>();
    const controller = createListController({
      list: () => first.promise,
      timers: clock.timers,
      view,
    });
    state.query = { ...initialQuery, text: 'r' };
    controller.queryChanged(true);
    await clock.advance(searchDebounceMs);
    controller.queryChanged(true);
    first.resolve({
      ok: true,
      value: { items: [image(1)], nextCursor: null, total: 1, totalIsLowerBound: false },
    });
    await settle();
    expect(state.starts).toBe(0);
  });

  it('sends a search only after typing pauses, and asks for a screenful', async () => {
    const { controller, state, clock, requests } = setup();
    for (const text of ['p', 'pr', 'pro']) {
      state.query = { ...initialQuery, text };
      controller.queryChanged(true);
      await clock.advance(searchDebounceMs - 1);
    }
    expect(requests).toEqual([]);
    await clock.advance(1);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ query: 'pro', cursor: null, limit: 30 });
    expect(state.total).toBe(1000);
  });

  it('shows a total main stopped counting as a floor, exact once the list reaches its end', async () => {
    const { controller, state, clock } = setup(newestFirst(700), 100);
    await controller.reload();
    expect(state).toMatchObject({ total: 100, atLeast: true });
    const some = controller.loadUntil(400);
    await clock.advance(0);
    await some;
    expect(state).toMatchObject({ total: 100, atLeast: true });
    const rest = controller.loadUntil(700);
    await clock.advance(0);
    await rest;
    expect(state.items).toHaveLength(700);
    expect(state).toMatchObject({ total: 700, atLeast: false });
  });

  it('loads pages after the first by their cursors until enough are loaded', async () => {
    const { controller, state, clock, requests } = setup();
    await controller.reload();
    expect(state.items).toHaveLength(30);
    const loading = controller.loadUntil(600);
    await clock.advance(0);
    await loading;
    // A page is never smaller than 250 images, so the second one goes past the 600 asked for.
    expect(requests.slice(1).map((request) => [request.cursor, request.limit])).toEqual([
      ['30', 500],
      ['530', 250],
    ]);
    expect(state.items.map((item) => item.id)).toEqual(
      newestFirst(1000)
        .slice(0, 780)
        .map((item) => item.id),
    );
  });

  it('keeps one page request in flight, and drops a page meant for a list the store has since edited', async () => {
    const { controller, state, clock, requests } = setup();
    await controller.reload();
    const loading = controller.loadUntil(100);
    void controller.loadUntil(200);
    expect(requests).toHaveLength(2);
    controller.listEdited();
    await clock.advance(0);
    await loading;
    expect(state.items).toHaveLength(30);
  });

  it('reports a failed page and leaves the list as it was', async () => {
    const clock = manualTimers();
    const { state, view } = recordingView();
    const controller = createListController({
      list: () =>
        Promise.resolve({ ok: false, error: { code: 'internal', message: 'The catalog is locked.' } }),
      timers: clock.timers,
      view,
    });
    await controller.reload();
    expect(state).toMatchObject({ loading: false, error: { message: 'The catalog is locked.' }, starts: 0 });
  });

  it('adds images saved meanwhile at the head of a newest-first list, with one request per burst', async () => {
    const { controller, state, clock, requests, setCatalog } = setup(newestFirst(100));
    controller.setVisible(true);
    await controller.reload();
    setCatalog(newestFirst(103));
    controller.changed('ingested');
    controller.changed('ingested');
    controller.changed('ingested');
    await clock.advance(refreshDelayMs);
    expect(requests).toHaveLength(2);
    expect(state.prepended).toEqual([3]);
    expect(state.items.slice(0, 4).map((item) => item.id)).toEqual([103, 102, 101, 100]);
    expect(state.total).toBe(103);
    expect(state.catchUps).toBe(1);
  });

  it('reads the whole loaded prefix again when more arrived than a page holds', async () => {
    const { controller, state, clock, setCatalog } = setup(newestFirst(100));
    controller.setVisible(true);
    await controller.reload();
    setCatalog(newestFirst(400));
    controller.changed('ingested');
    await clock.advance(refreshDelayMs);
    expect(state.prepended).toEqual([]);
    expect(state.items[0]?.id).toBe(400);
    expect(state.total).toBe(400);
    expect(state.refreshes).toBe(1);
  });

  it('re-reads what is loaded for any other change, keeping the query', async () => {
    const { controller, state, clock, setCatalog } = setup(newestFirst(50));
    controller.setVisible(true);
    await controller.reload();
    setCatalog(newestFirst(50).filter((item) => item.id !== 49));
    controller.changed('trashed');
    await clock.advance(refreshDelayMs);
    expect(state.items.map((item) => item.id)).not.toContain(49);
    expect(state.total).toBe(49);
    expect(state.starts).toBe(1);
  });

  it('only notes changes while hidden, and catches up once when shown again', async () => {
    const { controller, state, clock, requests, setCatalog } = setup(newestFirst(100));
    controller.setVisible(true);
    await controller.reload();
    controller.setVisible(false);
    setCatalog(newestFirst(102));
    controller.changed('ingested');
    controller.changed('ingested');
    await clock.advance(refreshDelayMs * 4);
    expect(requests).toHaveLength(1);

    controller.setVisible(true);
    await clock.advance(refreshDelayMs);
    expect(requests).toHaveLength(2);
    expect(state.prepended).toEqual([2]);
  });
});
