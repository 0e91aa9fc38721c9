import type { StateCreator } from 'zustand';
import type { AppError } from '../../../src-preload/contract/errors';
import {
  blockingIssues,
  validateGenerationRequest,
  type GenerationField,
  type GenerationRequest,
} from '../../../src-preload/contract/generation';
import type { Remix } from '../../../src-preload/contract/ipc';
import type { AppServices } from '../../app/services';
import type { AppState } from '../../app/store';
import { adviseOn } from '../../components/error-advice';
import { readDraftTemplate } from '../prompts/draft-template';
import { buildRequest, draftFromRequest, loadDraft, saveDraft, type WorkspaceDraft } from './draft';

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
}

function randomSeed(): number {
  return Math.floor(Math.random() * 2_147_483_647);
}

/** The request the workspace would send right now; the view validates the same thing on every change. */
export function currentRequest(state: AppState): GenerationRequest {
  return buildRequest(state.draft, {
    referenceCount: state.references.length,
    progressiveDefault: state.settings?.progressiveResults ?? false,
    lastSeed: state.lastSeed,
    randomSeed,
  });
}

export const createGenerateSlice =
  ({ api, storage }: Pick<AppServices, 'api' | 'storage'>): StateCreator<AppState, [], [], GenerateSlice> =>
  (set, get) => ({
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
      const template = readDraftTemplate(state.draft.prompt, state.templateValues);
      // A template is sent filled in; one that makes several prompts goes through "Add to queue" instead.
      if (template.kind === 'template' && template.prompts.length !== 1) return 'prompt';
      const request = { ...currentRequest(state) };
      if (template.kind === 'template') request.prompt = template.prompts[0] ?? request.prompt;
      const blocking = blockingIssues(
        validateGenerationRequest(request, { referenceCount: state.references.length }),
      );
      const first = blocking[0];
      if (first) return first.field;
      set({ starting: true, generateError: null });
      const started = await api.generation.start({
        request,
        referenceIds: state.references.map((image) => image.id),
      });
      set({ starting: false });
      if (!started.ok) {
        set({ generateError: started.error });
        const action = adviseOn(started.error);
        return action.kind === 'field' ? action.field : null;
      }
      get().receiveSnapshot(started.value);
      set({ lastSeed: request.seed ?? get().lastSeed });
      return null;
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
  });
