import type { StateCreator } from 'zustand';
import type { AppError } from '../../../src-preload/contract/errors';
import {
  blockingIssues,
  validateGenerationRequest,
  type GenerationField,
  type GenerationRequest,
} from '../../../src-preload/contract/generation';
import type { Remix } from '../../../src-preload/contract/ipc';
import { api, errorOf, unwrap } from '../../bridge';
import type { AppState } from '../../app/store';
import { buildRequest, draftFromRequest, loadDraft, saveDraft, type WorkspaceDraft } from './draft';
import { adviseOn } from './error-advice';

export interface GenerateSlice {
  draft: WorkspaceDraft;
  /** The seed sent with the last generation of this session, for "re-use last". */
  lastSeed: number | null;
  /** A start request is on its way to main. */
  starting: boolean;
  generateError: AppError | null;
  updateDraft: (patch: Partial<WorkspaceDraft>) => void;
  /** Sends the draft; resolves with the control to focus when something blocks it, otherwise null. */
  generate: () => Promise<GenerationField | null>;
  dismissGenerateError: () => void;
  /** Loads all settings and references of an earlier generation (from `api.generation.remix`). */
  applyRemix: (remix: Remix) => void;
  /** Asks main for an earlier generation's settings and references and loads them. */
  remixGeneration: (generationId: number) => Promise<void>;
}

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function randomSeed(): number {
  return Math.floor(Math.random() * 2_147_483_647);
}

/** The request the workspace would send right now; the view validates the same thing on every change. */
function currentRequest(state: AppState): GenerationRequest {
  return buildRequest(state.draft, {
    referenceCount: state.references.length,
    progressiveDefault: state.settings?.progressiveResults ?? false,
    lastSeed: state.lastSeed,
    randomSeed,
  });
}

export const createGenerateSlice: StateCreator<AppState, [], [], GenerateSlice> = (set, get) => {
  const storage = browserStorage();
  return {
    draft: loadDraft(storage),
    lastSeed: null,
    starting: false,
    generateError: null,
    updateDraft: (patch) => {
      const draft = { ...get().draft, ...patch };
      saveDraft(storage, draft);
      set({ draft });
    },
    generate: async () => {
      const state = get();
      if (state.starting) return null;
      const request = currentRequest(state);
      const blocking = blockingIssues(
        validateGenerationRequest(request, { referenceCount: state.references.length }),
      );
      const first = blocking[0];
      if (first) return first.field;
      set({ starting: true, generateError: null });
      try {
        const snapshot = await unwrap(
          api.generation.start({ request, referenceIds: state.references.map((image) => image.id) }),
        );
        get().receiveSnapshot(snapshot);
        set({ lastSeed: request.seed ?? get().lastSeed });
        return null;
      } catch (thrown) {
        const error = errorOf(thrown);
        set({ generateError: error });
        const action = adviseOn(error);
        return action.kind === 'field' ? action.field : null;
      } finally {
        set({ starting: false });
      }
    },
    dismissGenerateError: () => {
      set({ generateError: null });
    },
    applyRemix: (remix) => {
      const draft = draftFromRequest(get().draft, remix.request);
      saveDraft(storage, draft);
      set({ draft, generateError: null });
      get().replaceReferences(remix.references);
    },
    remixGeneration: async (generationId) => {
      try {
        get().applyRemix(await unwrap(api.generation.remix({ generationId })));
      } catch (thrown) {
        set({ generateError: errorOf(thrown) });
      }
    },
  };
};
