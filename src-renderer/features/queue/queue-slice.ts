import type { StateCreator } from 'zustand';
import type { AppError } from '../../../src-preload/contract/errors';
import {
  blockingIssues,
  validateGenerationRequest,
  type GenerationField,
  type GenerationRequest,
} from '../../../src-preload/contract/generation';
import type { QueueSnapshot } from '../../../src-preload/contract/queue';
import type { AppServices } from '../../app/services';
import type { AppState } from '../../app/store';
import { currentRequest } from '../generate/generate-slice';
import { readDraftTemplate } from '../prompts/draft-template';

export interface QueueSlice {
  queue: QueueSnapshot | null;
  queueError: AppError | null;
  loadQueue: () => Promise<void>;
  /** Follows `queue:changed`; answers the function that stops following. */
  watchQueue: () => () => void;
  /**
   * "Add to queue": the workspace's request once per prompt its template makes (once when it is plain);
   * resolves with the control to focus when something blocks it, otherwise null.
   */
  queueDraft: () => Promise<GenerationField | null>;
  /** Queues requests that all use the current reference tray; resolves whether main took them. */
  queueRequests: (requests: readonly GenerationRequest[], batch?: string) => Promise<boolean>;
  pauseQueue: () => Promise<void>;
  resumeQueue: () => Promise<void>;
  /** Moves a waiting item `offset` places (negative: earlier) among the waiting items. */
  moveQueueItem: (id: number, offset: number) => Promise<void>;
  removeQueueItem: (id: number) => Promise<void>;
  /** `resendUnknown` is the user's word that an item whose outcome is unknown may be paid for again. */
  retryQueueItem: (id: number, resendUnknown: boolean) => Promise<void>;
  clearFinishedQueue: () => Promise<void>;
  dismissQueueError: () => void;
}

export const createQueueSlice =
  ({ api }: Pick<AppServices, 'api'>): StateCreator<AppState, [], [], QueueSlice> =>
  (set, get) => {
    const apply = async (
      call: Promise<{ ok: true; value: QueueSnapshot } | { ok: false; error: AppError }>,
    ) => {
      const result = await call;
      if (result.ok) set({ queue: result.value, queueError: null });
      else set({ queueError: result.error });
      return result.ok;
    };
    return {
      queue: null,
      queueError: null,
      loadQueue: async () => {
        await apply(api.queue.list());
      },
      watchQueue: () =>
        api.on('queue:changed', (queue) => {
          set({ queue });
        }),
      queueDraft: async () => {
        const state = get();
        const request = currentRequest(state);
        const template = readDraftTemplate(state.draft.prompt, state.templateValues);
        const prompts = template.kind === 'plain' ? [request.prompt] : template.prompts;
        if (prompts.length === 0) return 'prompt';
        const blocking = blockingIssues(
          validateGenerationRequest(
            { ...request, prompt: prompts[0] ?? '' },
            { referenceCount: state.references.length },
          ),
        );
        const first = blocking[0];
        if (first) return first.field;
        const queued = await get().queueRequests(prompts.map((prompt) => ({ ...request, prompt })));
        return queued ? null : 'prompt';
      },
      queueRequests: (requests, batch) => {
        const referenceIds = get().references.map((image) => image.id);
        return apply(api.queue.add({ items: requests.map((request) => ({ request, referenceIds })), batch }));
      },
      pauseQueue: async () => {
        await apply(api.queue.pause());
      },
      resumeQueue: async () => {
        await apply(api.queue.resume());
      },
      moveQueueItem: async (id, offset) => {
        const waiting = (get().queue?.items ?? [])
          .filter((item) => item.state === 'waiting')
          .map((item) => item.id);
        const from = waiting.indexOf(id);
        const to = Math.min(Math.max(from + offset, 0), waiting.length - 1);
        if (from < 0 || to === from) return;
        waiting.splice(from, 1);
        waiting.splice(to, 0, id);
        await apply(api.queue.reorder({ ids: waiting }));
      },
      removeQueueItem: async (id) => {
        await apply(api.queue.remove({ ids: [id] }));
      },
      retryQueueItem: async (id, resendUnknown) => {
        await apply(api.queue.retry({ ids: [id], resendUnknown }));
      },
      clearFinishedQueue: async () => {
        await apply(api.queue.clearFinished());
      },
      dismissQueueError: () => {
        set({ queueError: null });
      },
    };
  };
