import { describe, expect, it } from 'vitest';
import type { EventName } from '../../src-preload/contract/ipc';
import { createLibraryChanges, listCountLimit } from '../../src-main/app/library-changes';

describe('library changes', () => {
  it("count a query's total for its first page, reuse it for later pages, and count again after a change", () => {
    const counted: unknown[] = [];
    const events: { event: EventName; payload: unknown }[] = [];
    let images = 10;
    const changes = createLibraryChanges(
      (event, payload) => events.push({ event, payload }),
      (query, limit) => {
        counted.push({ ...query, limit });
        return { count: Math.min(images, limit), atLeast: images > limit };
      },
    );
    expect(changes.total('猫', { favorite: true }, true)).toEqual({ count: 10, atLeast: false });
    images = 11;
    expect(changes.total('猫', { favorite: true }, false).count).toBe(10);
    // Another query is counted on its own.
    expect(changes.total(undefined, {}, false).count).toBe(11);
    expect(counted).toEqual([
      { query: '猫', filter: { favorite: true }, limit: listCountLimit },
      { query: undefined, filter: {}, limit: listCountLimit },
    ]);

    changes.announce('ingested');
    expect(events).toEqual([{ event: 'library:changed', payload: { reason: 'ingested' } }]);
    expect(changes.total('猫', { favorite: true }, false).count).toBe(11);
    // A first page always counts afresh, and past the limit the total is only "at least".
    images = listCountLimit + 5;
    expect(changes.total('猫', { favorite: true }, true)).toEqual({ count: listCountLimit, atLeast: true });
  });
});
