import type { StateCreator } from 'zustand';
import type { AppError } from '../../src-preload/contract/errors';
import type { AppState } from './store';

/** What a toast says, as a translation key of the `common` namespace and its values. */
export type Notice =
  | { key: 'toast.trashed'; count: number }
  | { key: 'toast.restored'; count: number }
  | { key: 'toast.trashEmptied'; count: number }
  | { key: 'toast.trashEmptiedKept'; count: number; kept: number }
  | { key: 'toast.exported'; count: number; folder: string }
  | { key: 'toast.exportedSkipped'; count: number; folder: string; skipped: number }
  | { key: 'toast.copiedPrompt' }
  | { key: 'toast.copiedImage' }
  | { key: 'toast.favorited'; count: number }
  | { key: 'toast.unfavorited'; count: number }
  | { key: 'toast.tagged'; count: number; name: string }
  | { key: 'toast.addedToCollection'; count: number; name: string }
  | { key: 'toast.removedFromCollection'; count: number; name: string }
  | { key: 'toast.imported'; count: number }
  | { key: 'toast.importedDuplicates'; count: number; duplicates: number }
  | { key: 'toast.importFailed'; count: number; name: string; message: string }
  | { key: 'toast.checked'; count: number }
  | { key: 'toast.keySaved'; gateway: string }
  | { key: 'toast.keySavedNoCredit'; gateway: string }
  | { key: 'toast.keySavedUnchecked'; gateway: string }
  | { key: 'toast.compareCount'; count: number }
  | { key: 'toast.failed'; message: string };

export interface Toast {
  id: number;
  notice: Notice;
  /** Takes back what the toast reports (its Undo button and Ctrl/Cmd+Z); only the newest toast has one. */
  undo: (() => void) | null;
}

/** The outcome of what the user did, in any view: one list of toasts for the whole app. */
export interface NotificationsSlice {
  toasts: Toast[];
  notify: (notice: Notice, undo?: () => void) => void;
  /** A failed action, in main's own words (its message is written for people). */
  notifyFailure: (error: AppError) => void;
  dismissToast: (id: number) => void;
  /** Runs the newest toast's Undo and dismisses it; false when no toast can undo. */
  undoLatest: () => boolean;
}

/** More than this stacks up faster than anyone reads; the oldest go first. */
export const maxToasts = 3;

export function isFailure(toast: Toast): boolean {
  return toast.notice.key === 'toast.failed';
}

export const createNotificationsSlice: StateCreator<AppState, [], [], NotificationsSlice> = (set, get) => ({
  toasts: [],
  notify: (notice, undo) => {
    set((state) => {
      // Unique among the toasts on screen, which is all their keys need.
      const id = (state.toasts.at(-1)?.id ?? 0) + 1;
      // Only the newest toast can undo: an Undo for an older action would surprise more than it helps.
      const older = state.toasts.slice(1 - maxToasts).map((toast) => ({ ...toast, undo: null }));
      return { toasts: [...older, { id, notice, undo: undo ?? null }] };
    });
  },
  notifyFailure: (error) => {
    get().notify({ key: 'toast.failed', message: error.message });
  },
  dismissToast: (id) => {
    set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) }));
  },
  undoLatest: () => {
    const toast = get().toasts.findLast((candidate) => candidate.undo !== null);
    if (!toast?.undo) return false;
    get().dismissToast(toast.id);
    toast.undo();
    return true;
  },
});
