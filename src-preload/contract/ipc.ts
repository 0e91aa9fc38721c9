import { z } from 'zod';
import { event, request } from './channel';
import type { AppError, ErrorCode } from './errors';
import { editDocumentSchema, maxMarks, textLayerSchema } from './edit';
import type { OpenedImages, ReopenedEdit, StoredEditVersion } from './edit-results';
import { gatewayUrlSchema } from './gateway';
import { gatewayKindSchema } from './gateway-profiles';
import type { ModelOffer } from './model-offer';
import type { Money } from './pricing';
import type { LedgerEntry } from './usage';
import { generationRequestSchema, type GenerationRequest } from './generation';
import {
  checkIncomingSizes,
  dragIdsSchema,
  imageIdSchema,
  imageIdsSchema,
  incomingFileSchema,
  listInputSchema,
  type Collection,
  type EmptyTrashResult,
  type ImageDetail,
  type IntegrityReport,
  type LibraryImage,
  type LibraryStats,
  type ListPage,
  type Tag,
  type Usage,
} from './library-types';
import {
  idInputSchema,
  promptHistorySchema,
  savePromptSchema,
  saveReferenceSetSchema,
  type PromptHistoryEntry,
  type ReferenceSet,
  type SavedPrompt,
  type SetUse,
} from './prompts';
import {
  queueAddSchema,
  queueIdsSchema,
  queueReorderSchema,
  queueRetrySchema,
  type QueueSnapshot,
} from './queue';

export interface KeyStatus {
  source: 'keychain' | 'environment' | 'session' | 'none';
  /** Enough to recognise the key; the key itself never reaches the renderer. */
  last4: string | null;
  /** The gateway origin this status is about: keys belong to the origin they were saved for. */
  gateway: string;
  keychainAvailable: boolean;
  /** Why the keychain cannot be used, in plain words. */
  keychainProblem: string | null;
}

export interface ConnectionTest {
  ok: boolean;
  code: ErrorCode | null;
  message: string;
}

/** The answer to "Verify and save": what the gateway said, and whether the key was kept. */
export interface KeyVerification {
  check: ConnectionTest;
  /** Saved because the gateway accepted it, or unverified because the user asked; never after a 401. */
  saved: boolean;
  status: KeyStatus;
}

export const settingsSchema = z.object({
  apiBaseUrl: gatewayUrlSchema,
  progressiveResults: z.boolean(),
  language: z.enum(['system', 'en', 'zh-CN']),
  /** `system`: the operating system's proxy settings (PAC included); `manual`: `proxyUrl` for all but loopback. */
  proxyMode: z.enum(['system', 'manual']),
  /** `http://`, `https://` or `socks5://` with host and port, optionally `user:password@`; used when manual. */
  proxyUrl: z.string().trim().max(2000),
  /** Which gateway profile `apiBaseUrl` is: its model ids, paths, model list and currency. */
  gatewayKind: gatewayKindSchema,
  /** Spending caps in millionths of the gateway's currency; null for none. */
  dailyBudgetMicros: z.number().int().positive().nullable(),
  monthlyBudgetMicros: z.number().int().positive().nullable(),
  /** Asks the gateway's balance endpoint for the remaining credit: off unless the user turns it on. */
  balanceCheck: z.boolean(),
  /** Batch queue items sent at once. */
  queueConcurrency: z.number().int().min(1).max(8),
  /** Requests the batch queue sends in any minute, repeats after a 429 included. */
  queueRequestsPerMinute: z.number().int().min(1).max(600),
});

export type Settings = z.infer<typeof settingsSchema>;

/** The remaining credit, when the user asked for it (never by default). */
export interface BalanceStatus {
  /** The gateway in use documents a balance service. */
  available: boolean;
  /** The user turned the check on in Settings. */
  enabled: boolean;
  /** The last four characters of the balance-only key, when one is saved. */
  separateKeyLast4: string | null;
  remaining: Money | null;
  checkedAt: number | null;
  /** Why the last check failed, in plain words. */
  problem: string | null;
}

/** The way to the gateway right now, for Settings to show. */
export interface NetworkStatus {
  /** Who decides the proxy: the system's settings, or the manual proxy set in Settings. */
  source: 'system' | 'manual';
  /** The proxy the gateway is reached through, without credentials; null when the connection is direct. */
  proxy: string | null;
  /** Why the proxy settings cannot be used, in plain words; null when they can. */
  problem: string | null;
}

export type JobPhase = 'sending' | 'generating' | 'downloading' | 'done' | 'failed' | 'cancelled';

export interface JobSlot {
  index: number;
  state: 'pending' | 'downloading' | 'saved' | 'failed';
  image: LibraryImage | null;
  error: AppError | null;
}

/** The whole state of one job; main sends it after every change, so a missed event cannot desync the grid. */
export interface JobSnapshot {
  jobId: string;
  generationId: number;
  /** The batch queue's item this job runs, or null for a job started on its own. */
  queueItemId: number | null;
  startedAt: number;
  finishedAt: number | null;
  request: GenerationRequest;
  referenceIds: number[];
  phase: JobPhase;
  expected: number;
  slots: JobSlot[];
  usage: Usage | null;
  error: AppError | null;
  retry: { attempt: number; delayMs: number; reason: AppError } | null;
  notices: string[];
  /** The most it can cost, from the price in force when it was sent; null when the price is not known. */
  estimate: Money | null;
  /** What it cost once it has ended (images billed at that price); null while running or when not known. */
  cost: Money | null;
}

export interface AddedReference {
  image: LibraryImage;
  /** Set when main had to convert or downsize the file for the API. */
  notice: string | null;
}

export interface ImportedFile {
  name: string;
  image: LibraryImage | null;
  /** The same content was already in the library. */
  duplicate: boolean;
  error: AppError | null;
}

export interface ExportSummary {
  folder: string;
  count: number;
  skipped: { imageId: number; reason: string }[];
}

export interface Remix {
  request: GenerationRequest;
  references: LibraryImage[];
}

/** What applying an edit started: the job, and the image sent as the first reference (the marked copy or the base). */
export interface AppliedEdit {
  job: JobSnapshot;
  sent: LibraryImage;
  /** The prompt exactly as sent: region tags written out, the request to remove the marks added. */
  prompt: string;
}

const none = z.undefined();
/** The API's own limit on reference images in one request. */
const maxReferenceImages = 14;
const nameSchema = z.string().trim().min(1, 'A name cannot be empty.').max(200);
const idSchema = z.number().int().positive();
const keySchema = z.string().trim().min(8, 'That key looks too short.').max(500);

/**
 * Every request the renderer can make, as `domain:verb`. Main parses each input with its schema before a
 * handler sees it; the preload builds `window.seedream.<domain>.<verb>()` from this table and nothing else.
 */
export const channels = {
  'settings:get': request<Settings>()(none),
  'settings:update': request<Settings>()(settingsSchema.partial()),

  'key:status': request<KeyStatus>()(none),
  'key:save': request<KeyStatus>()(z.object({ key: keySchema, sessionOnly: z.boolean().default(false) })),
  /** Checks a new key against the gateway in use now and saves it only if that gateway accepts it. */
  'key:verify': request<KeyVerification>()(
    z.object({
      key: keySchema,
      sessionOnly: z.boolean().default(false),
      /** Save even if the gateway could not be reached; a rejected key is still never saved. */
      saveUnverified: z.boolean().default(false),
    }),
  ),
  'key:remove': request<KeyStatus>()(none),
  'key:test': request<ConnectionTest>()(none),

  'network:status': request<NetworkStatus>()(none),

  /** What the gateway in use offers and at what price; `refresh` reads its model list again first. */
  'models:offer': request<ModelOffer>()(z.object({ refresh: z.boolean().default(false) })),
  /** Priced generations since a moment (Unix milliseconds), for the Usage view and the estimate. */
  'usage:ledger': request<LedgerEntry[]>()(z.object({ sinceMs: z.number().int().nonnegative() })),
  'balance:status': request<BalanceStatus>()(none),
  'balance:refresh': request<BalanceStatus>()(none),
  'balance:saveKey': request<BalanceStatus>()(
    z.object({ key: z.string().trim().min(8, 'That key looks too short.').max(500) }),
  ),
  'balance:removeKey': request<BalanceStatus>()(none),

  'generation:start': request<JobSnapshot>()(
    z.object({
      request: generationRequestSchema,
      referenceIds: z
        .array(idSchema)
        .max(
          maxReferenceImages,
          `At most ${maxReferenceImages} reference images can be sent with one request.`,
        ),
    }),
  ),
  'generation:cancel': request<null>()(z.object({ jobId: z.string().max(100) })),
  'generation:jobs': request<JobSnapshot[]>()(none),
  'generation:remix': request<Remix>()(z.object({ generationId: idSchema })),

  /**
   * Draws the marks onto a copy of the base in main, at full resolution, and sends it first with the other
   * references; the base and references are library images, never paths.
   */
  'edit:apply': request<AppliedEdit>()(
    z.object({
      baseId: idSchema,
      referenceIds: z
        .array(idSchema)
        .max(
          maxReferenceImages - 1,
          `At most ${maxReferenceImages - 1} references can be sent beside the base.`,
        ),
      document: editDocumentSchema,
      request: generationRequestSchema,
      textLayers: z.array(textLayerSchema).max(maxMarks),
    }),
  ),
  'edit:reopen': request<ReopenedEdit>()(z.object({ generationId: idSchema })),
  /** The edits made from an image, recursively, oldest first: what its "Versions" list shows. */
  'edit:versions': request<StoredEditVersion[]>()(z.object({ imageId: idSchema })),
  /** Images opened from the OS ("Open with", a drop on the dock icon, a second start) not yet shown. */
  'edit:takeOpened': request<OpenedImages>()(none),

  'references:add': request<AddedReference>()(
    incomingFileSchema.superRefine((file, context) => {
      checkIncomingSizes([file], context);
    }),
  ),

  'library:list': request<ListPage>()(listInputSchema),
  'library:detail': request<ImageDetail>()(imageIdSchema),
  'library:stats': request<LibraryStats>()(none),
  'library:models': request<string[]>()(none),
  'library:setFavorite': request<null>()(imageIdsSchema.extend({ favorite: z.boolean() })),
  'library:trash': request<null>()(imageIdsSchema),
  'library:restore': request<null>()(imageIdsSchema),
  'library:emptyTrash': request<EmptyTrashResult>()(none),
  'library:import': request<ImportedFile[]>()(
    z.object({ files: z.array(incomingFileSchema).min(1).max(500) }).superRefine(({ files }, context) => {
      checkIncomingSizes(files, context);
    }),
  ),
  /** Asks main to show a folder picker; null when the user cancels it. */
  'library:export': request<ExportSummary | null>()(imageIdsSchema),
  'library:check': request<IntegrityReport>()(z.object({ full: z.boolean() })),

  'tags:list': request<Tag[]>()(none),
  'tags:add': request<Tag>()(imageIdsSchema.extend({ name: nameSchema })),
  'tags:remove': request<null>()(imageIdsSchema.extend({ tagId: idSchema })),

  'collections:list': request<Collection[]>()(none),
  'collections:create': request<Collection>()(z.object({ name: nameSchema })),
  'collections:rename': request<Collection>()(z.object({ id: idSchema, name: nameSchema })),
  'collections:delete': request<null>()(z.object({ id: idSchema })),
  'collections:add': request<null>()(imageIdsSchema.extend({ collectionId: idSchema })),
  'collections:remove': request<null>()(imageIdsSchema.extend({ collectionId: idSchema })),

  'queue:list': request<QueueSnapshot>()(none),
  'queue:add': request<QueueSnapshot>()(queueAddSchema),
  'queue:pause': request<QueueSnapshot>()(none),
  'queue:resume': request<QueueSnapshot>()(none),
  'queue:reorder': request<QueueSnapshot>()(queueReorderSchema),
  /** Running items are cancelled first; their generation stays in the library as cancelled. */
  'queue:remove': request<QueueSnapshot>()(queueIdsSchema),
  'queue:retry': request<QueueSnapshot>()(queueRetrySchema),
  'queue:clearFinished': request<QueueSnapshot>()(none),

  'prompts:history': request<PromptHistoryEntry[]>()(promptHistorySchema),
  'prompts:saved': request<SavedPrompt[]>()(none),
  'prompts:save': request<SavedPrompt>()(savePromptSchema),
  'prompts:delete': request<null>()(idInputSchema),

  'referenceSets:list': request<ReferenceSet[]>()(none),
  'referenceSets:save': request<ReferenceSet>()(saveReferenceSetSchema),
  'referenceSets:delete': request<null>()(idInputSchema),
  /** Generations sent with exactly this set's images, newest first. */
  'referenceSets:uses': request<SetUse[]>()(idInputSchema),

  'desktop:reveal': request<null>()(imageIdSchema),
  'desktop:copyImage': request<null>()(imageIdSchema),
  'desktop:startDrag': request<null>()(dragIdsSchema),
} as const;

/** Every event main sends to the renderer. */
export const events = {
  'generation:progress': event<JobSnapshot>(),
  'library:changed': event<{ reason: 'ingested' | 'updated' | 'trashed' | 'restored' | 'imported' }>(),
  'settings:changed': event<Settings>(),
  /** The OS asked the app to open image files; `edit:takeOpened` has them. */
  'edit:opened': event<{ count: number }>(),
  'balance:changed': event<BalanceStatus>(),
  'queue:changed': event<QueueSnapshot>(),
};

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type InputOf<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ParsedInputOf<C extends ChannelName> = z.output<Channels[C]['input']>;
export type OutputOf<C extends ChannelName> = Exclude<Channels[C]['output'], undefined>;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = Exclude<(typeof events)[E]['payload'], undefined>;
