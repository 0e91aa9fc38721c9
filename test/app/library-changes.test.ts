import { describe, expect, it } from 'vitest';
import type { EventName } from '../../src-preload/contract/ipc';
import { createLibraryChanges } from '../../src-main/app/library-changes';

describe('library changes', () => {
  it("count a query's total for its first page, reuse it for later pages, and count again after a change", () => {
    const counted: unknown[] = [];
    const events: { event: EventName; payload: unknown }[] = [];
    let images = 10;
    const changes = createLibraryChanges(
      (event, payload) => events.push({ event, payload }),
      (query) => {
        counted.push(query);
        return images;
      },
    );
    expect(changes.total('猫', { favorite: true }, true)).toBe(10);
    images = 11;
    expect(changes.total('猫', { favorite: true }, false)).toBe(10);
    // Another query is counted on its own.
    expect(changes.total(undefined, {}, false)).toBe(11);
    expect(counted).toEqual([
      { query: '猫', filter: { favorite: true } },
      { query: undefined, filter: {} },
    ]);

    changes.announce('ingested');
    expect(events).toEqual([{ event: 'library:changed', payload: { reason: 'ingested' } }]);
    expect(changes.total('猫', { favorite: true }, false)).toBe(11);
    // A first page always counts afresh.
    images = 12;
    expect(changes.total('猫', { favorite: true }, true)).toBe(12);
  });
});
