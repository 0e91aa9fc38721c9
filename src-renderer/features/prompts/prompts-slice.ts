import type { StateCreator } from 'zustand';
import type { AppError } from '../../../src-preload/contract/errors';
import type {
  PromptHistoryEntry,
  ReferenceSet,
  SavedPrompt,
  SetUse,
} from '../../../src-preload/contract/prompts';
import type { AppServices } from '../../app/services';
import type { AppState } from '../../app/store';

/** Where Ctrl/Cmd+Up and Down stand in the history, and the unsent text to come back to. */
interface HistoryWalk {
  index: number;
  unsent: string;
}

export interface PromptsSlice {
  promptHistory: PromptHistoryEntry[];
  historyWalk: HistoryWalk | null;
  savedPrompts: SavedPrompt[];
  referenceSets: ReferenceSet[];
  /** Values typed for the draft's `{variables}`, by name; they outlive a change of the prompt. */
  templateValues: Record<string, string>;
  promptsError: AppError | null;
  /** Recent prompts, narrowed by `query` with the library's prompt search. */
  loadPromptHistory: (query?: string) => Promise<void>;
  /**
   * Ctrl/Cmd+Up (`-1`: older) and Down (`+1`: newer) in the prompt box: walks the history into the draft, and
   * back past the newest to what was typed before the walk began.
   */
  stepPromptHistory: (direction: -1 | 1) => Promise<void>;
  /** Typing ends a walk: the next Ctrl/Cmd+Up starts again from the newest prompt. */
  endHistoryWalk: () => void;
  applyPrompt: (prompt: string) => void;
  setTemplateValue: (name: string, value: string) => void;
  loadSavedPrompts: () => Promise<void>;
  savePrompt: (prompt: { id?: number; name: string; template: string; tags: string[] }) => Promise<boolean>;
  deleteSavedPrompt: (id: number) => Promise<void>;
  loadReferenceSets: () => Promise<void>;
  /** Saves the tray as a set named `name` (or, with `id`, replaces that set's name and images). */
  saveReferenceSet: (name: string, id?: number) => Promise<boolean>;
  applyReferenceSet: (set: ReferenceSet) => void;
  deleteReferenceSet: (id: number) => Promise<void>;
  referenceSetUses: (id: number) => Promise<SetUse[]>;
  dismissPromptsError: () => void;
}

export const createPromptsSlice =
  ({ api }: Pick<AppServices, 'api'>): StateCreator<AppState, [], [], PromptsSlice> =>
  (set, get) => {
    const fail = (error: AppError) => {
      set({ promptsError: error });
      return false;
    };
    return {
      promptHistory: [],
      historyWalk: null,
      savedPrompts: [],
      referenceSets: [],
      templateValues: {},
      promptsError: null,
      loadPromptHistory: async (query) => {
        const result = await api.prompts.history({ query, limit: 100 });
        if (result.ok) set({ promptHistory: result.value });
        else fail(result.error);
      },
      stepPromptHistory: async (direction) => {
        let walk = get().historyWalk;
        if (!walk) {
          if (direction === 1) return;
          await get().loadPromptHistory();
          walk = { index: -1, unsent: get().draft.prompt };
        }
        const history = get().promptHistory;
        // Skip an entry equal to what is shown, so the first step always changes the prompt.
        let index = walk.index - direction;
        while (index >= 0 && index < history.length && history[index]?.prompt === get().draft.prompt) {
          index -= direction;
        }
        if (index >= history.length) return;
        if (index < 0) {
          set({ historyWalk: null });
          get().updateDraft({ prompt: walk.unsent });
          return;
        }
        set({ historyWalk: { ...walk, index } });
        get().updateDraft({ prompt: history[index]?.prompt ?? walk.unsent });
      },
      endHistoryWalk: () => {
        if (get().historyWalk) set({ historyWalk: null });
      },
      applyPrompt: (prompt) => {
        set({ historyWalk: null });
        get().updateDraft({ prompt });
      },
      setTemplateValue: (name, value) => {
        set((state) => ({ templateValues: { ...state.templateValues, [name]: value } }));
      },
      loadSavedPrompts: async () => {
        const result = await api.prompts.saved();
        if (result.ok) set({ savedPrompts: result.value });
        else fail(result.error);
      },
      savePrompt: async (prompt) => {
        const result = await api.prompts.save(prompt);
        if (!result.ok) return fail(result.error);
        await get().loadSavedPrompts();
        set({ promptsError: null });
        return true;
      },
      deleteSavedPrompt: async (id) => {
        const result = await api.prompts.delete({ id });
        if (!result.ok) fail(result.error);
        await get().loadSavedPrompts();
      },
      loadReferenceSets: async () => {
        const result = await api.referenceSets.list();
        if (result.ok) set({ referenceSets: result.value });
        else fail(result.error);
      },
      saveReferenceSet: async (name, id) => {
        const imageIds = get().references.map((image) => image.id);
        const result = await api.referenceSets.save({ id, name, imageIds });
        if (!result.ok) return fail(result.error);
        await get().loadReferenceSets();
        set({ promptsError: null });
        return true;
      },
      applyReferenceSet: (referenceSet) => {
        get().replaceReferences(referenceSet.images);
      },
      deleteReferenceSet: async (id) => {
        const result = await api.referenceSets.delete({ id });
        if (!result.ok) fail(result.error);
        await get().loadReferenceSets();
      },
      referenceSetUses: async (id) => {
        const result = await api.referenceSets.uses({ id });
        if (result.ok) return result.value;
        fail(result.error);
        return [];
      },
      dismissPromptsError: () => {
        set({ promptsError: null });
      },
    };
  };
