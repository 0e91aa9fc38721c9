import { mkdir } from 'node:fs/promises';
import type { ImageCodec } from '../media/image-codec';
import { openCatalog } from './catalog';
import type { CatalogConnections } from './database';
import { createDetailQueries, type DetailQueries } from './detail-queries';
import { createEditStore, type EditStore } from './edit-store';
import { processTmpDir, removeStaleTmpDirs } from './file-store';
import { purgeScheduledFiles } from './file-purge';
import { createGenerationStore, type GenerationStore } from './generation-store';
import { createLedgerQueries, type LedgerQueries } from './ledger-queries';
import { createImageOperations, type ImageOperations } from './image-operations';
import { createImageQueries, type ImageQueries } from './image-queries';
import { createImageStore, type ImageStore } from './image-store';
import { checkIntegrity, type IntegrityReport } from './integrity';
import { backupLibrary, type BackupResult } from './backup';
import { exportImages, type ExportResult } from './image-export';
import { importImages, type ImportFile, type ImportOutcome } from './image-import';
import { imageFilePath, libraryPaths, thumbnailPath, type LibraryPaths, type ThumbnailSize } from './paths';
import { createPromptStore, type PromptStore } from './prompt-store';
import { createQueueStore, type QueueStore } from './queue-store';
import { createReferenceSetStore, type ReferenceSetStore } from './reference-set-store';
import type { ImageRecord } from './records';
import { createSummaryQueries, type SummaryQueries } from './summary-queries';
import { createThumbnailQueue, type ThumbnailQueue } from './thumbnail-queue';
import type { WriteContext } from './write-context';

export interface LibraryOptions {
  /** The library folder; created if missing. */
  dir: string;
  /** The image codec every decode and encode of this library goes through (see media/image-codec.ts). */
  codec: ImageCodec;
  /**
   * `background` (the app): each image's thumbnails are made soon after it is saved. `on-demand` (the command
   * line, which exits after saving): only when shown, or by a full check. Either way a missing one is made
   * when asked for.
   */
  thumbnails?: 'background' | 'on-demand';
  now?: () => number;
  /** better-sqlite3's build for this runtime: Electron's in the app (see electron-sqlite-binding.ts). */
  nativeBinding?: string;
}

/**
 * One open library: the catalog connections, the folders, and the services built on them. Queries use the
 * read-only connection; everything that changes state goes through the writer. It knows nothing of the API:
 * generation jobs and resuming interrupted downloads write into it from `jobs/`.
 */
export interface Library {
  paths: LibraryPaths;
  catalog: CatalogConnections;
  /** The write context, for services layered on top (jobs, integrity, import, export). */
  context: WriteContext;
  images: ImageQueries;
  details: DetailQueries;
  summary: SummaryQueries;
  /** What generations cost, for the Usage view and budgets. */
  ledger: LedgerQueries;
  generations: GenerationStore;
  /** The batch queue's items and its paused flag (see migrations/0100-queue.ts). */
  queue: QueueStore;
  /** Prompts sent (history) and saved prompts (the prompt library). */
  prompts: PromptStore;
  referenceSets: ReferenceSetStore;
  imageStore: ImageStore;
  operations: ImageOperations;
  thumbnails: ThumbnailQueue;
  /** Edits applied in the Edit view, and the marked copies they sent. */
  edits: EditStore;
  filePath(image: Pick<ImageRecord, 'sha256' | 'format'>): string;
  thumbnailPath(image: Pick<ImageRecord, 'sha256'>, size: ThumbnailSize): string;
  /** Clears what dead processes left behind and finishes interrupted file deletions. */
  tidy(): Promise<void>;
  /** The integrity check on demand; `full` re-hashes every file. */
  check(full: boolean): Promise<IntegrityReport>;
  /** Backs the library up into a folder (see backup.ts); restoring needs the library closed: `restoreLibrary`. */
  backup(dir: string): Promise<BackupResult>;
  /** Adds image files (bytes, never paths from the renderer); see image-import.ts. */
  importFiles(files: readonly ImportFile[]): Promise<ImportOutcome[]>;
  /** Copies images to a folder with prompt and parameters embedded and in a JSON sidecar. */
  exportImages(ids: readonly number[], folder: string): Promise<ExportResult>;
  close(): void;
}

export async function openLibrary(options: LibraryOptions): Promise<Library> {
  const paths = libraryPaths(options.dir);
  for (const dir of [paths.root, paths.files, paths.thumbnails, paths.tmp])
    await mkdir(dir, { recursive: true });
  const catalog = await openCatalog(paths.catalog, { nativeBinding: options.nativeBinding });
  try {
    const context: WriteContext = {
      writer: catalog.writer,
      paths,
      now: options.now ?? Date.now,
      tmpDir: await processTmpDir(paths),
      codec: options.codec,
    };
    const operations = createImageOperations(context);
    const generations = createGenerationStore(context);
    const thumbnails = createThumbnailQueue(context);
    const imageStore = createImageStore(
      context,
      options.thumbnails === 'background'
        ? {
            onAdded: (sha256) => {
              thumbnails.schedule(sha256);
            },
          }
        : {},
    );
    const images = createImageQueries(catalog.reader);
    const details = createDetailQueries(catalog.reader);
    const tidy = async () => {
      await removeStaleTmpDirs(paths);
      purgeScheduledFiles(context);
    };
    return {
      paths,
      catalog,
      context,
      images,
      details,
      summary: createSummaryQueries(catalog.reader),
      ledger: createLedgerQueries(catalog.reader),
      generations,
      queue: createQueueStore(context, catalog.reader),
      prompts: createPromptStore(context, catalog.reader),
      referenceSets: createReferenceSetStore(context, catalog.reader),
      imageStore,
      thumbnails,
      edits: createEditStore(context, catalog.reader, {
        generations,
        imageStore,
        image: (id) => images.image(id),
      }),
      operations: {
        ...operations,
        emptyTrash() {
          const result = operations.emptyTrash();
          purgeScheduledFiles(context);
          return result;
        },
      },
      filePath: (image) => imageFilePath(paths, image.sha256, image.format),
      thumbnailPath: (image, size) => thumbnailPath(paths, image.sha256, size),
      tidy,
      check: (full) => checkIntegrity(context, { full, thumbnails }),
      backup: (dir) => backupLibrary(context, dir),
      importFiles: (files) =>
        importImages({ context, generations, imageStore, image: (id) => images.image(id) }, files),
      exportImages: (ids, folder) => exportImages({ paths, details }, ids, folder),
      close: () => {
        void thumbnails.stop();
        catalog.close();
      },
    };
  } catch (error) {
    catalog.close();
    throw error;
  }
}
