import type { Money } from './pricing';
import { z } from 'zod';
import type { AppError } from './errors';

/** An image as the renderer sees it: media URLs instead of paths, times as epoch milliseconds. */
export interface LibraryImage {
  id: number;
  /** Null for an image imported without any generation data (for example a reference the user dropped in). */
  generationId: number | null;
  /** Slot of the image in its generation's answer, from 0. */
  position: number;
  sha256: string;
  width: number;
  height: number;
  format: string;
  bytes: number;
  favorite: boolean;
  createdAt: number;
  trashedAt: number | null;
  /** `missing` or `corrupt` when the integrity check found the file gone or changed. */
  fileState: 'ok' | 'missing' | 'corrupt';
  /** Why the library has no preview of this image (its thumbnail could not be made), in plain words. */
  previewProblem: string | null;
  prompt: string;
  model: string;
  /** Full-size image through the media scheme. */
  src: string;
  /** Small thumbnail for grids and trays. */
  thumbSrc: string;
  /** Larger preview for lightboxes and details. */
  previewSrc: string;
}

export interface Usage {
  generatedImages: number;
  outputTokens: number;
  totalTokens: number;
}

export interface Tag {
  id: number;
  name: string;
  imageCount: number;
}

export interface Collection {
  id: number;
  name: string;
  imageCount: number;
}

export interface GenerationRecord {
  id: number;
  prompt: string;
  model: string;
  /** Exactly the fields that were sent to the API, minus reference data. */
  params: Record<string, unknown>;
  usage: Usage | null;
  /** The gateway profile it was sent to; null for generations from before costs were kept, and imports. */
  gateway: string | null;
  /** The price per image in force when it was sent (history keeps it, whatever prices do later). */
  pricePerImage: Money | null;
  /** What it cost once it ended; null while it runs or when the price was not known. */
  cost: Money | null;
  status: string;
  error: AppError | null;
  createdAt: number;
  finishedAt: number | null;
}

export interface ImageDetail {
  image: LibraryImage;
  generation: GenerationRecord | null;
  references: LibraryImage[];
  derived: LibraryImage[];
  tags: Tag[];
  collections: Collection[];
}

export interface LibraryStats {
  images: number;
  bytes: number;
  trashedImages: number;
  trashedBytes: number;
  generations: number;
  failedGenerations: number;
  usage: Usage;
  /** Images whose file the last check found missing or changed. */
  damagedImages: number;
  pendingDownloads: number;
}

export interface IntegrityReport {
  checkedAt: number;
  full: boolean;
  images: number;
  files: number;
  /** Images whose file is gone (marked missing, never deleted). */
  missingFiles: number;
  /** Files no image refers to, moved to the library's recovered folder. */
  orphanFiles: number;
  /** Files whose content no longer matches their hash (full check only). */
  wrongHashes: number;
  missingThumbnails: number;
  lostDownloads: number;
  repaired: number;
  /** `ok`, or what SQLite's integrity check found (full check only). */
  catalog: string | null;
  /** One line per finding, for people. */
  details: string[];
}

export interface EmptyTrashResult {
  deleted: number;
  /** Trashed images kept because a generation still names them as its reference. */
  keptAsReferences: number;
}

const id = z.number().int().positive();
export const imageIdsSchema = z.object({ ids: z.array(id).min(1).max(100_000) });
export const imageIdSchema = z.object({ id });
/** The images of one drag out of the app: a selection, never the whole library at once. */
export const maxDraggedImages = 1000;
export const dragIdsSchema = z.object({ ids: z.array(id).min(1).max(maxDraggedImages) });

export const libraryFilterSchema = z.object({
  model: z.string().max(200).optional(),
  from: z.number().int().nonnegative().optional(),
  to: z.number().int().nonnegative().optional(),
  favorite: z.boolean().optional(),
  tagId: id.optional(),
  collectionId: id.optional(),
  hasReferences: z.boolean().optional(),
  minPixels: z.number().int().nonnegative().optional(),
  maxPixels: z.number().int().nonnegative().optional(),
  trashed: z.boolean().optional(),
});

export type LibraryFilter = z.infer<typeof libraryFilterSchema>;

export const listInputSchema = z.object({
  query: z.string().max(2000).optional(),
  filter: libraryFilterSchema.default({}),
  sort: z.enum(['newest', 'oldest']).default('newest'),
  cursor: z.string().max(200).nullable().default(null),
  limit: z.number().int().min(1).max(1000).default(200),
});

export type ListInput = z.input<typeof listInputSchema>;

export interface ListPage {
  items: LibraryImage[];
  nextCursor: string | null;
  /** How many images match; with `totalIsLowerBound`, only that at least this many do. */
  total: number;
  /**
   * Counting every match of a broad search in a large library takes longer than showing it, so main counts up
   * to a limit: beyond it, the total says "at least" and the list simply goes on.
   */
  totalIsLowerBound: boolean;
}

/**
 * What main takes from the renderer in files, checked on the sizes alone before any byte is looked at: one file
 * (the reference tray's own limit, far above any photo), and all files of one call together.
 */
export const incomingLimits = {
  fileBytes: 50 * 1024 * 1024,
  callBytes: 200 * 1024 * 1024,
} as const;

/** Rounded up, so a file just over a limit never reads as exactly the limit. */
function megabytes(bytes: number): string {
  return `${(Math.ceil(bytes / 104_857.6) / 10).toFixed(1)} MB`;
}

// A file name is only ever shown, never used as a path; control and direction characters would let a name
// rewrite the message it appears in, so they are replaced.
// eslint-disable-next-line no-control-regex
const unprintable = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A file name as messages show it. */
export const fileNameSchema = z
  .string()
  .max(1000)
  .transform((name) => name.replace(unprintable, '\uFFFD').trim() || 'A file without a name');

/** Bytes crossing from the renderer: the renderer never sends file paths. */
export const incomingFileSchema = z.object({ name: fileNameSchema, bytes: z.instanceof(Uint8Array) });

export type IncomingFile = z.infer<typeof incomingFileSchema>;

/** Why a file is refused for its size alone; the renderer says the same before reading such a file. */
export function tooLargeMessage(name: string, bytes: number): string {
  return `${name} is ${megabytes(bytes)}; files over ${megabytes(incomingLimits.fileBytes)} are not accepted.`;
}

/**
 * Refuses, by name, an empty file, a file over the size limit and a call over the total limit. The issues are
 * on the call itself, so the message reads as written ("photo.png is 60.0 MB…") without a field path.
 */
export function checkIncomingSizes(files: readonly IncomingFile[], context: z.RefinementCtx): void {
  let total = 0;
  for (const { name, bytes } of files) {
    total += bytes.byteLength;
    if (bytes.byteLength === 0) {
      context.addIssue({ code: 'custom', path: [], message: `${name} is empty (0 bytes).` });
    } else if (bytes.byteLength > incomingLimits.fileBytes) {
      context.addIssue({ code: 'custom', path: [], message: tooLargeMessage(name, bytes.byteLength) });
    }
  }
  if (total > incomingLimits.callBytes) {
    context.addIssue({
      code: 'custom',
      path: [],
      message: `These ${files.length} files add up to ${megabytes(total)}; at most ${megabytes(incomingLimits.callBytes)} can be added at once.`,
    });
  }
}
