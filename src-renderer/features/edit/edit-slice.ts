import type { StateCreator } from 'zustand';
import {
  emptyEditDocument,
  type EditDocument,
  type MarkColor,
  type MarkWidth,
  type Region,
  type TextLayer,
} from '../../../src-preload/contract/edit';
import { outputSize } from '../../../src-preload/contract/edit-geometry';
import { editRequestSize } from '../../../src-preload/contract/edit-size';
import type { AppError } from '../../../src-preload/contract/errors';
import type { IncomingFile, LibraryImage } from '../../../src-preload/contract/library-types';
import { defaultModelId, findModel, maxImagesPerRequest } from '../../../src-preload/contract/models';
import type { AppServices } from '../../app/services';
import type { AppState } from '../../app/store';
import { textLayers } from '../../dom/text-picture';
import { settle } from '../../result';
import { editHistory, startHistory, type EditHistory, type HistoryAction } from './edit-history';
import { insertPlaceholder, nextRegionId, removePlaceholder } from './region-prompt';

export type EditMode = 'marks' | 'regions';
export const markTools = ['pen', 'arrow', 'rectangle', 'ellipse', 'text'] as const;
export const regionTools = ['point', 'box'] as const;
export type MarkTool = (typeof markTools)[number];
export type RegionTool = (typeof regionTools)[number];
export type EditTool = MarkTool | RegionTool | 'crop';

/** A region as drawn, before it gets its id. */
export type DrawnRegion =
  Omit<Extract<Region, { kind: 'point' }>, 'id'> | Omit<Extract<Region, { kind: 'box' }>, 'id'>;

export interface EditSlice {
  /** The picture being edited; null until one is opened. */
  editBase: LibraryImage | null;
  /** Further references, sent after the base. */
  editReferences: LibraryImage[];
  editHistory: EditHistory | null;
  editMode: EditMode;
  editTool: EditTool;
  editColor: MarkColor;
  editWidth: MarkWidth;
  editPrompt: string;
  /** Where the prompt's cursor last was: a region's placeholder goes there. */
  editPromptCursor: number;
  editModel: string;
  editApplying: boolean;
  editError: AppError | null;
  /** The region whose chip the pointer is on, highlighted on the canvas. */
  editHoveredRegion: number | null;
  /** Starts a new session on this picture: versions start again from it. */
  openEditBase: (image: LibraryImage) => void;
  /** Puts a picture on the canvas with nothing drawn on it; the versions stay as they are. */
  setEditBase: (image: LibraryImage) => void;
  /** "Edit" on a result or a library image: the Edit view, with it as the base. */
  openInEdit: (image: LibraryImage) => void;
  /** Files dropped or pasted: the first becomes the base when there is none, the rest references. */
  addEditFiles: (files: readonly IncomingFile[]) => Promise<void>;
  addEditReferences: (images: readonly LibraryImage[]) => void;
  removeEditReference: (id: number) => void;
  setEditMode: (mode: EditMode) => void;
  setEditTool: (tool: EditTool) => void;
  setEditColor: (color: MarkColor) => void;
  setEditWidth: (width: MarkWidth) => void;
  setEditPrompt: (prompt: string, cursor?: number) => void;
  setEditModel: (model: string) => void;
  /** One step of the edit (a mark, a crop, a turn), undoable. */
  changeEdit: (change: (document: EditDocument) => EditDocument) => void;
  undoEdit: () => void;
  redoEdit: () => void;
  /** A drawn region: added to the document and its placeholder put into the prompt at the cursor. */
  addRegion: (region: DrawnRegion) => void;
  removeRegion: (id: number) => void;
  setHoveredRegion: (id: number | null) => void;
  applyEdit: () => Promise<void>;
  /** Puts an applied edit back on the canvas exactly as it was sent. */
  reopenEdit: (generationId: number) => Promise<void>;
  /** Takes images the OS opened (Open with, the dock, a second start) and opens the first. */
  takeOpenedImages: () => Promise<void>;
  /** Follows job progress and images opened from the OS; returns the function that stops following. */
  watchEdit: () => () => void;
}

/** References beside the base: the model's limit and the request's, minus the base and one result. */
export function editReferenceRoom(modelId: string): number {
  const model = findModel(modelId);
  return Math.max(0, Math.min(model?.maxReferences ?? 0, maxImagesPerRequest - 1) - 1);
}

/** Whether the model's catalogue entry says it reads point and box tags; elsewhere Regions is off. */
export function readsRegions(modelId: string): boolean {
  return (findModel(modelId)?.regions ?? null) !== null;
}

type DrawText = (document: EditDocument) => Promise<TextLayer[]>;

export const createEditSlice =
  (
    { api }: Pick<AppServices, 'api'>,
    drawText: DrawText = textLayers,
  ): StateCreator<AppState, [], [], EditSlice> =>
  (set, get) => {
    const step = (action: HistoryAction) => {
      const history = get().editHistory;
      if (history) set({ editHistory: editHistory(history, action) });
    };

    return {
      editBase: null,
      editReferences: [],
      editHistory: null,
      editMode: 'marks',
      editTool: 'rectangle',
      editColor: '#ff3b30',
      editWidth: 'medium',
      editPrompt: '',
      editPromptCursor: 0,
      editModel: defaultModelId,
      editApplying: false,
      editError: null,
      editHoveredRegion: null,

      openEditBase: (image) => {
        get().setEditBase(image);
        void get().startEditVersions(image);
        set({ editPrompt: '', editPromptCursor: 0 });
      },
      setEditBase: (image) => {
        set({
          editBase: image,
          editHistory: startHistory(emptyEditDocument({ width: image.width, height: image.height })),
          editError: null,
          editHoveredRegion: null,
        });
      },
      openInEdit: (image) => {
        // A file that is gone, damaged or in the trash cannot be sent.
        if (image.fileState !== 'ok' || image.trashedAt !== null) {
          get().notifyFailure({
            code: 'not-found',
            message: `Image ${image.id} cannot be edited: its file is missing or in the trash.`,
          });
          return;
        }
        if (get().editBase?.id !== image.id) get().openEditBase(image);
        get().navigate('edit');
      },
      addEditFiles: async (files) => {
        for (const file of files) {
          const added = await api.references.add(file);
          if (!added.ok) {
            get().notifyFailure(added.error);
            continue;
          }
          if (get().editBase === null) get().openEditBase(added.value.image);
          else get().addEditReferences([added.value.image]);
        }
      },
      addEditReferences: (images) => {
        set((state) => {
          const known = new Set([state.editBase?.id, ...state.editReferences.map((image) => image.id)]);
          const fresh = images.filter((image) => !known.has(image.id));
          const room = editReferenceRoom(state.editModel);
          return { editReferences: [...state.editReferences, ...fresh].slice(0, room) };
        });
      },
      removeEditReference: (id) => {
        set((state) => ({ editReferences: state.editReferences.filter((image) => image.id !== id) }));
      },
      setEditMode: (mode) => {
        if (mode === 'regions' && !readsRegions(get().editModel)) return;
        set({ editMode: mode, editTool: mode === 'marks' ? 'rectangle' : 'box' });
      },
      setEditTool: (tool) => {
        const mode: EditMode = (regionTools as readonly string[]).includes(tool) ? 'regions' : 'marks';
        if (mode === 'regions' && !readsRegions(get().editModel)) return;
        set(tool === 'crop' ? { editTool: tool } : { editTool: tool, editMode: mode });
      },
      setEditColor: (color) => {
        set({ editColor: color });
      },
      setEditWidth: (width) => {
        set({ editWidth: width });
      },
      setEditPrompt: (prompt, cursor) => {
        set({ editPrompt: prompt, editPromptCursor: cursor ?? prompt.length });
      },
      setEditModel: (model) => {
        set((state) => ({
          editModel: model,
          editReferences: state.editReferences.slice(0, editReferenceRoom(model)),
          // Regions need a model that reads them; elsewhere the mode is off.
          ...(findModel(model)?.regions
            ? {}
            : { editMode: 'marks' as const, editTool: 'rectangle' as const }),
        }));
      },
      changeEdit: (change) => {
        const history = get().editHistory;
        if (history) step({ type: 'commit', document: change(history.present) });
      },
      undoEdit: () => {
        step({ type: 'undo' });
      },
      redoEdit: () => {
        step({ type: 'redo' });
      },
      addRegion: (shape) => {
        const history = get().editHistory;
        if (!history) return;
        const region: Region = { ...shape, id: nextRegionId(history.present.regions) };
        step({
          type: 'commit',
          document: { ...history.present, regions: [...history.present.regions, region] },
        });
        const { editPrompt, editPromptCursor } = get();
        const inserted = insertPlaceholder(editPrompt, editPromptCursor, region);
        set({ editPrompt: inserted.prompt, editPromptCursor: inserted.cursor });
      },
      removeRegion: (id) => {
        const history = get().editHistory;
        const region = history?.present.regions.find((candidate) => candidate.id === id);
        if (!history || !region) return;
        step({
          type: 'commit',
          document: {
            ...history.present,
            regions: history.present.regions.filter((item) => item !== region),
          },
        });
        set((state) => ({
          editPrompt: removePlaceholder(state.editPrompt, region),
          editHoveredRegion: null,
        }));
      },
      setHoveredRegion: (id) => {
        set({ editHoveredRegion: id });
      },
      applyEdit: async () => {
        const { editBase, editHistory: history, editModel, editPrompt, editReferences } = get();
        const model = findModel(editModel);
        if (!editBase || !history || !model || get().editApplying) return;
        const document = history.present;
        set({ editApplying: true, editError: null });
        const layers = await settle(() => drawText(document));
        const applied = layers.ok
          ? await api.edit.apply({
              baseId: editBase.id,
              referenceIds: editReferences.map((image) => image.id),
              document,
              request: {
                model: model.id,
                prompt: editPrompt,
                size: editRequestSize(model, outputSize(document.baseSize, document.transform)),
              },
              textLayers: layers.value,
            })
          : layers;
        if (!applied.ok) {
          set({ editApplying: false, editError: applied.error });
          return;
        }
        set({ editApplying: false });
        get().addEditVersion(applied.value.job);
        get().receiveSnapshot(applied.value.job);
      },
      reopenEdit: async (generationId) => {
        const reopened = await api.edit.reopen({ generationId });
        if (!reopened.ok) {
          get().notifyFailure(reopened.error);
          return;
        }
        const { base, references, document, request } = reopened.value;
        const baseVersion = get().editVersions.find((version) => version.image?.id === base.id);
        if (baseVersion) get().continueFromVersion(baseVersion.key);
        else {
          get().setEditBase(base);
          void get().startEditVersions(base);
        }
        set({
          editReferences: references,
          editHistory: startHistory(document),
          editPrompt: request.prompt,
          editPromptCursor: request.prompt.length,
          editModel: request.model,
          editMode: document.regions.length > 0 ? 'regions' : 'marks',
        });
      },
      takeOpenedImages: async () => {
        const taken = await api.edit.takeOpened();
        if (!taken.ok) {
          get().notifyFailure(taken.error);
          return;
        }
        for (const problem of taken.value.problems)
          get().notifyFailure({ code: 'invalid-image', message: problem });
        const [first, ...rest] = taken.value.images;
        if (!first) return;
        get().openEditBase(first);
        get().addEditReferences(rest);
        get().navigate('edit');
      },
      watchEdit: () => {
        const stopJobs = api.on('generation:progress', (snapshot) => {
          get().receiveEditSnapshot(snapshot);
        });
        const stopOpened = api.on('edit:opened', () => {
          void get().takeOpenedImages();
        });
        // Files opened before the window was ready wait in main.
        void get().takeOpenedImages();
        return () => {
          stopJobs();
          stopOpened();
        };
      },
    };
  };
