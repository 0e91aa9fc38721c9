import type { StateCreator } from 'zustand';
import type { LibraryImage } from '../../../src-preload/contract/library-types';
import { switchModel, type ModelChange } from '../../../src-preload/contract/model-switch';
import { findModel } from '../../../src-preload/contract/models';
import type { AppServices } from '../../app/services';
import type { AppState } from '../../app/store';
import { buildRequest, draftFromRequest, saveDraft, type WorkspaceDraft } from './draft';

/** The last model switch that changed something: what it changed, and the workspace as it was, for undo. */
export interface ModelSwitchNotice {
  from: string;
  to: string;
  changes: ModelChange[];
  before: { draft: WorkspaceDraft; references: LibraryImage[] };
}

export interface ModelSwitchSlice {
  modelSwitch: ModelSwitchNotice | null;
  /**
   * Moves the workspace to another model: whatever it cannot take is changed to the nearest thing it can and
   * listed ("10 references kept of 14; size 4K became 2K"), never dropped silently.
   */
  chooseModel: (modelId: string) => void;
  /** Puts the workspace back as it was before the last switch. */
  undoModelSwitch: () => void;
  dismissModelSwitch: () => void;
}

export const createModelSwitchSlice =
  ({ storage }: Pick<AppServices, 'storage'>): StateCreator<AppState, [], [], ModelSwitchSlice> =>
  (set, get) => ({
    modelSwitch: null,
    chooseModel: (modelId) => {
      const state = get();
      const to = findModel(modelId);
      const from = findModel(state.draft.model);
      if (!to || to.id === from?.id) return;
      const request = buildRequest(state.draft, {
        referenceCount: state.references.length,
        progressiveDefault: state.settings?.progressiveResults ?? false,
        lastSeed: state.lastSeed,
        // Seeds play no part in a switch; the draft keeps its own mode.
        randomSeed: () => 0,
      });
      const moved = switchModel(request, state.references.length, to);
      const before = { draft: state.draft, references: [...state.references] };
      const draft = { ...draftFromRequest(state.draft, moved.request), progressive: state.draft.progressive };
      if (moved.changes.some((change) => change.code === 'stream-off')) draft.progressive = false;
      saveDraft(storage, draft);
      set({
        draft,
        modelSwitch:
          moved.changes.length === 0
            ? null
            : { from: from?.label ?? state.draft.model, to: to.label, changes: moved.changes, before },
      });
      if (moved.keptReferences < state.references.length) {
        get().replaceReferences(state.references.slice(0, moved.keptReferences));
      }
    },
    undoModelSwitch: () => {
      const notice = get().modelSwitch;
      if (!notice) return;
      saveDraft(storage, notice.before.draft);
      set({ draft: notice.before.draft, modelSwitch: null });
      get().replaceReferences(notice.before.references);
    },
    dismissModelSwitch: () => {
      set({ modelSwitch: null });
    },
  });
