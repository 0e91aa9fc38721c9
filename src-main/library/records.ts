import type { Money } from '../../src-preload/contract/pricing';
import { errorCodes, type AppError, type ErrorCode } from '../../src-preload/contract/errors';
import type { LibraryImage, LibraryStats, Tag, Usage } from '../../src-preload/contract/library-types';
import type { ImageFormat } from '../media/image-info';

export type { LibraryStats, Usage };
export type TagRecord = Tag;

/**
 * What the library hands out: the contract's image without its media URLs (main adds those for the renderer),
 * with the format narrowed to what the store holds. Plain and serialisable, so the CLI prints it as is.
 */
export type ImageRecord = Omit<LibraryImage, 'src' | 'thumbSrc' | 'previewSrc' | 'format'> & {
  format: ImageFormat;
};

export type FileState = LibraryImage['fileState'];

export type GenerationStatus =
  'running' | 'succeeded' | 'partial' | 'failed' | 'cancelled' | 'interrupted' | 'imported';

export type SlotState = 'pending' | 'saved' | 'failed' | 'lost';

/** One place in a generation's answer that did not simply succeed at once: a download, a failure, a loss. */
export interface SlotRecord {
  position: number;
  state: SlotState;
  expiresAt: number | null;
  error: AppError | null;
}

export interface GenerationRecord {
  id: number;
  kind: 'api' | 'import';
  prompt: string;
  model: string;
  /** Every parameter sent to the API (reference images are in `references`, not here). */
  params: Record<string, unknown>;
  requestedImages: number;
  status: GenerationStatus;
  error: AppError | null;
  usage: Usage | null;
  /** The gateway profile it was sent to; null for generations from before costs were kept, and imports. */
  gateway: string | null;
  /** The price per image in force when it was sent (history keeps it, whatever prices do later). */
  pricePerImage: Money | null;
  /** What it cost once it ended; null while it runs or when the price was not known. */
  cost: Money | null;
  createdAt: number;
  finishedAt: number | null;
  slots: SlotRecord[];
}

export interface CollectionRecord {
  id: number;
  name: string;
  imageCount: number;
  createdAt: number;
}

export interface ImageDetail {
  image: ImageRecord;
  generation: GenerationRecord | null;
  /** The images the generation was made from, in the order they were sent. */
  references: ImageRecord[];
  /** Images of later generations that used this image as a reference, newest first. */
  derived: ImageRecord[];
  tags: TagRecord[];
  collections: CollectionRecord[];
}

function isErrorCode(code: string): code is ErrorCode {
  return (errorCodes as readonly string[]).includes(code);
}

/** Stored codes may predate a code's removal from the contract; those read back as `internal`. */
export function storedError(code: string | null, message: string | null): AppError | null {
  if (code === null && message === null) return null;
  return { code: code !== null && isErrorCode(code) ? code : 'internal', message: message ?? '' };
}
