import type { StateCreator } from 'zustand';
import type { AppError } from '../../../src-preload/contract/errors';
import type { LibraryImage } from '../../../src-preload/contract/library-types';
import { maxImagesPerRequest, type ModelInfo } from '../../../src-preload/contract/models';
import type { AppServices } from '../../app/services';
import type { AppState } from '../../app/store';
import { settle } from '../../result';
import { modelOf } from '../generate/draft';
import { triageFiles, type RefusalReason } from './file-triage';
import { appendUnique, moveItem } from './tray-order';

/** One line under the tray about one file or image: why it was refused, or what main changed. */
type MessageBody =
  | { kind: 'refused'; reason: RefusalReason | 'duplicate' | 'unavailable' }
  | { kind: 'failed'; error: AppError }
  | { kind: 'notice'; text: string };
export type TrayMessage = MessageBody & { id: number; name: string };

export interface ReferenceSlice {
  references: LibraryImage[];
  /** Files read and sent to main but not answered yet; the tray shows a placeholder for each. */
  referencesPending: number;
  referenceMessages: TrayMessage[];
  /** Reads each file and hands its bytes to main; every file succeeds or fails on its own. */
  addReferenceFiles: (files: readonly File[]) => Promise<void>;
  /** Adds library images (results, library, remix) as references, skipping ones already there. */
  addReferences: (images: readonly LibraryImage[]) => void;
  replaceReferences: (images: readonly LibraryImage[]) => void;
  removeReference: (id: number) => void;
  moveReference: (id: number, toIndex: number) => void;
  clearReferences: () => void;
  dismissReferenceMessage: (id: number) => void;
}

/** References the model accepts, leaving room for at least one generated image. */
export function referenceCapacity(model: ModelInfo): number {
  return Math.min(model.maxReferences, maxImagesPerRequest - 1);
}

function imageLabel(image: LibraryImage): string {
  return image.prompt.trim() === '' ? `#${image.id}` : image.prompt;
}

export const createReferenceSlice =
  ({ api }: Pick<AppServices, 'api'>): StateCreator<AppState, [], [], ReferenceSlice> =>
  (set, get) => {
    const capacity = () => referenceCapacity(modelOf(get().draft));
    const say = (name: string, body: MessageBody) => {
      set((state) => {
        // Unique among the messages shown, which is all their keys need.
        const id = (state.referenceMessages.at(-1)?.id ?? 0) + 1;
        return { referenceMessages: [...state.referenceMessages, { ...body, name, id }] };
      });
    };

    const send = async (file: File) => {
      const bytes = await settle(async () => new Uint8Array(await file.arrayBuffer()));
      if (!bytes.ok) return bytes;
      return api.references.add({ name: file.name, bytes: bytes.value });
    };

    const sendFile = async (file: File) => {
      const added = await send(file);
      if (!added.ok) {
        say(file.name, { kind: 'failed', error: added.error });
      } else {
        const { image, notice } = added.value;
        const { items, duplicates, overflow } = appendUnique(get().references, [image], capacity());
        set({ references: items });
        if (duplicates.length > 0) say(file.name, { kind: 'refused', reason: 'duplicate' });
        else if (overflow.length > 0) say(file.name, { kind: 'refused', reason: 'tray-full' });
        else if (notice) say(file.name, { kind: 'notice', text: notice });
      }
      // The placeholder goes once the image (or the reason it is not there) is shown.
      set((state) => ({ referencesPending: state.referencesPending - 1 }));
    };

    return {
      references: [],
      referencesPending: 0,
      referenceMessages: [],
      addReferenceFiles: async (files) => {
        const state = get();
        const room = capacity() - state.references.length - state.referencesPending;
        const { accepted, refused } = triageFiles(files, Math.max(room, 0));
        set({ referenceMessages: [], referencesPending: state.referencesPending + accepted.length });
        for (const { file, reason } of refused) say(file.name, { kind: 'refused', reason });
        // One at a time: main decodes and maybe re-encodes each image, and the tray keeps the drop's order.
        for (const file of accepted) await sendFile(file);
      },
      addReferences: (images) => {
        // A library image whose file is gone, damaged or in the trash cannot be sent to the API.
        const usable = images.filter((image) => image.fileState === 'ok' && image.trashedAt === null);
        const { items, duplicates, overflow } = appendUnique(get().references, usable, capacity());
        set({ references: items, referenceMessages: [] });
        for (const image of images.filter((candidate) => !usable.includes(candidate))) {
          say(imageLabel(image), { kind: 'refused', reason: 'unavailable' });
        }
        for (const image of duplicates) say(imageLabel(image), { kind: 'refused', reason: 'duplicate' });
        for (const image of overflow) say(imageLabel(image), { kind: 'refused', reason: 'tray-full' });
      },
      replaceReferences: (images) => {
        set({ references: [], referenceMessages: [] });
        get().addReferences(images);
      },
      removeReference: (id) => {
        set((state) => ({ references: state.references.filter((image) => image.id !== id) }));
      },
      moveReference: (id, toIndex) => {
        set((state) => {
          const from = state.references.findIndex((image) => image.id === id);
          return { references: [...moveItem(state.references, from, toIndex)] };
        });
      },
      clearReferences: () => {
        set({ references: [], referenceMessages: [] });
      },
      dismissReferenceMessage: (id) => {
        set((state) => ({
          referenceMessages: state.referenceMessages.filter((message) => message.id !== id),
        }));
      },
    };
  };
