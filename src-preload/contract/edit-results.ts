import type { AppError } from './errors';
import type { EditDocument } from './edit';
import type { GenerationRequest } from './generation';
import type { LibraryImage } from './library-types';

/** What the Edit view's channels answer, besides applying an edit (`AppliedEdit`, beside the job it starts). */

/** An applied edit brought back onto the canvas exactly as it was sent. */
export interface ReopenedEdit {
  generationId: number;
  base: LibraryImage;
  /** The other references, after the base. */
  references: LibraryImage[];
  /** The copy that was sent; null when the base was sent unchanged. */
  marked: LibraryImage | null;
  document: EditDocument;
  /** The request as it was made, with the prompt as written (region placeholders, no added instruction). */
  request: GenerationRequest;
}

/**
 * An edit made from an image, as the library keeps it, so the "Versions" list outlives the session: the edits
 * drawn on the image, then those drawn on their results, and so on.
 */
export interface StoredEditVersion {
  generationId: number;
  /** The picture the edit was drawn on. */
  baseImageId: number;
  /** The generation that made that picture: the version this one continues, when it is in the list. */
  baseGenerationId: number | null;
  /** The first of its pictures not in the trash; null while it runs, or when it made none. */
  image: LibraryImage | null;
  running: boolean;
  /** Why it made no picture, as recorded. */
  error: AppError | null;
}

/** Images the OS asked the app to open, for the Edit view; each is handed out once. */
export interface OpenedImages {
  images: LibraryImage[];
  /** A sentence per file that could not be opened, naming it. */
  problems: string[];
}
