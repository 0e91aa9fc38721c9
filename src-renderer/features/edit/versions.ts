import type { StoredEditVersion } from '../../../src-preload/contract/edit-results';
import type { JobSnapshot } from '../../../src-preload/contract/ipc';
import type { AppError } from '../../../src-preload/contract/errors';
import type { LibraryImage } from '../../../src-preload/contract/library-types';

/**
 * One picture in the "Versions" list: the original, then each edit made from it. An edit's version points at the
 * version it was made from, so continuing from an older one starts a branch and both lines stay. Edits are
 * keyed by their generation, so the ones applied in this session and the ones the library remembers are the
 * same versions.
 */
export interface EditVersion {
  key: string;
  /** 0 for the original, then 1, 2, ... in the order the edits were made. */
  number: number;
  parentKey: string | null;
  /** The picture; null while its edit runs (or when it failed). */
  image: LibraryImage | null;
  /** The job of an edit applied in this session, while it is followed. */
  jobId: string | null;
  /** The generation of an edit, which "Reopen edit" restores; the original's own generation. */
  generationId: number | null;
  error: AppError | null;
}

/** What a version says when its edit ended without a picture and no reason was recorded. */
const noImage: AppError = { code: 'server-error', message: 'No image was made.' };

function editKey(generationId: number): string {
  return `edit-${generationId}`;
}

export function originalVersion(image: LibraryImage): EditVersion {
  return {
    key: `original-${image.id}`,
    number: 0,
    parentKey: null,
    image,
    jobId: null,
    generationId: image.generationId,
    error: null,
  };
}

export function pendingVersion(
  versions: readonly EditVersion[],
  parentKey: string | null,
  job: JobSnapshot,
): EditVersion {
  const number = versions.reduce((highest, version) => Math.max(highest, version.number), 0) + 1;
  return {
    key: editKey(job.generationId),
    number,
    parentKey,
    image: null,
    jobId: job.jobId,
    generationId: job.generationId,
    error: null,
  };
}

/** Whether a job's progress is about this version: an edit's own generation (never the original's). */
export function isVersionOf(version: EditVersion, snapshot: JobSnapshot): boolean {
  return version.number > 0 && version.generationId === snapshot.generationId;
}

/** The versions with a job's progress applied: its first saved image, or why it made none. */
export function withSnapshot(versions: readonly EditVersion[], snapshot: JobSnapshot): EditVersion[] {
  return versions.map((version) => {
    if (!isVersionOf(version, snapshot)) return version;
    const image = snapshot.slots.find((slot) => slot.image !== null)?.image ?? null;
    const failed = snapshot.finishedAt !== null && image === null;
    return {
      ...version,
      jobId: snapshot.jobId,
      image: image ?? version.image,
      error: failed ? (snapshot.error ?? noImage) : null,
    };
  });
}

/**
 * The versions the library remembers for `root`, oldest first: each continues the original when it was drawn
 * on the root, else the version whose generation made its base (none when that one is not listed).
 */
export function storedVersions(root: LibraryImage, stored: readonly StoredEditVersion[]): EditVersion[] {
  const original = originalVersion(root);
  const listed = new Set(stored.map((version) => version.generationId));
  return stored.map((version, index) => ({
    key: editKey(version.generationId),
    number: index + 1,
    parentKey:
      version.baseImageId === root.id
        ? original.key
        : version.baseGenerationId !== null && listed.has(version.baseGenerationId)
          ? editKey(version.baseGenerationId)
          : null,
    image: version.image,
    jobId: null,
    generationId: version.generationId,
    error: version.image === null && !version.running ? (version.error ?? noImage) : null,
  }));
}

/**
 * The session's versions joined with the library's: the session's own copy of a version wins (its job is
 * followed), and the edits are numbered again in the order they were made.
 */
export function mergeVersions(
  session: readonly EditVersion[],
  stored: readonly EditVersion[],
): EditVersion[] {
  const [original, ...edits] = session;
  if (!original) return [...stored];
  const byKey = new Map(stored.map((version) => [version.key, version]));
  for (const version of edits) byKey.set(version.key, version);
  const ordered = [...byKey.values()].sort((a, b) => (a.generationId ?? 0) - (b.generationId ?? 0));
  return [original, ...ordered.map((version, index) => ({ ...version, number: index + 1 }))];
}

export function versionByKey(versions: readonly EditVersion[], key: string | null): EditVersion | undefined {
  return key === null ? undefined : versions.find((version) => version.key === key);
}
