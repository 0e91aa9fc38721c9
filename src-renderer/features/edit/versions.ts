import type { JobSnapshot } from '../../../src-preload/contract/ipc';
import type { AppError } from '../../../src-preload/contract/errors';
import type { LibraryImage } from '../../../src-preload/contract/library-types';

/**
 * One picture in the "Versions" list: the original, then each applied edit. An edit's version points at the
 * version it was made from, so continuing from an older one starts a branch and both lines stay.
 */
export interface EditVersion {
  key: string;
  /** 0 for the original, then 1, 2, ... in the order edits were applied. */
  number: number;
  parentKey: string | null;
  /** The picture; null while its edit runs (or when it failed). */
  image: LibraryImage | null;
  jobId: string | null;
  /** The generation of an applied edit, which "Reopen edit" restores. */
  generationId: number | null;
  error: AppError | null;
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
    key: `edit-${job.jobId}`,
    number,
    parentKey,
    image: null,
    jobId: job.jobId,
    generationId: job.generationId,
    error: null,
  };
}

/** The versions with a job's progress applied: its first saved image, or why it made none. */
export function withSnapshot(versions: readonly EditVersion[], snapshot: JobSnapshot): EditVersion[] {
  return versions.map((version) => {
    if (version.jobId !== snapshot.jobId) return version;
    const image = snapshot.slots.find((slot) => slot.image !== null)?.image ?? null;
    const failed = snapshot.finishedAt !== null && image === null;
    return {
      ...version,
      image: image ?? version.image,
      error: failed ? (snapshot.error ?? { code: 'server-error', message: 'No image was made.' }) : null,
    };
  });
}

export function versionByKey(versions: readonly EditVersion[], key: string | null): EditVersion | undefined {
  return key === null ? undefined : versions.find((version) => version.key === key);
}
