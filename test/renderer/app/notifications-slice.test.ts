import { describe, expect, it, vi } from 'vitest';
import { maxToasts } from '../../../src-renderer/app/notifications-slice';
import { testApp } from '../support/app-store';

describe('the notifications slice', () => {
  it('keeps the newest few toasts, and only the newest can undo', () => {
    const { store } = testApp();
    const undo = vi.fn();
    store.getState().notify({ key: 'toast.trashed', count: 1 }, undo);
    for (let count = 1; count <= maxToasts; count += 1)
      store.getState().notify({ key: 'toast.imported', count });
    const toasts = store.getState().toasts;
    expect(toasts.map((toast) => toast.notice)).toEqual([
      { key: 'toast.imported', count: 1 },
      { key: 'toast.imported', count: 2 },
      { key: 'toast.imported', count: 3 },
    ]);
    expect(new Set(toasts.map((toast) => toast.id)).size).toBe(maxToasts);
    expect(store.getState().undoLatest()).toBe(false);
    expect(undo).not.toHaveBeenCalled();
  });

  it('undoes the newest undoable toast once and dismisses it', () => {
    const { store } = testApp();
    const undo = vi.fn();
    store.getState().notify({ key: 'toast.trashed', count: 2 }, undo);
    expect(store.getState().undoLatest()).toBe(true);
    expect(store.getState().undoLatest()).toBe(false);
    expect(undo).toHaveBeenCalledTimes(1);
    expect(store.getState().toasts).toEqual([]);
  });

  it('shows a failure in main’s words and dismisses one toast by id', () => {
    const { store } = testApp();
    store.getState().notifyFailure({ code: 'offline', message: 'No connection.' });
    store.getState().notify({ key: 'toast.copiedImage' });
    const [failure] = store.getState().toasts;
    expect(failure?.notice).toEqual({ key: 'toast.failed', message: 'No connection.' });
    store.getState().dismissToast(failure?.id ?? -1);
    expect(store.getState().toasts.map((toast) => toast.notice.key)).toEqual(['toast.copiedImage']);
  });
});
