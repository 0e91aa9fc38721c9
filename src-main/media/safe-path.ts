import { realpath } from 'node:fs/promises';
import path from 'node:path';

/**
 * Why a URL path was not turned into a file path. Every reason but `not-found` is a refusal (HTTP 403): the
 * request tried to name something it may not, and the answer must not say what or where.
 */
export type PathRefusal =
  | 'traversal'
  | 'absolute'
  | 'separator'
  | 'nul-byte'
  | 'double-encoding'
  | 'malformed'
  | 'invalid-name'
  | 'outside-root';

export type PathCheck = { ok: true; segments: readonly string[] } | { ok: false; reason: PathRefusal };

export type ResolvedPath = { ok: true; path: string } | { ok: false; reason: PathRefusal | 'not-found' };

/** Windows opens devices for these names in any folder and with any extension. */
const windowsDeviceName = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;
const driveLetter = /^[a-z]:/i;
// Control characters have no place in a file name the app wrote, and some filesystems treat them specially.
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u001f\u007f]/;

/**
 * Checks a URL path that is still percent-encoded (as `URL.pathname` gives it) relative to a mount point, and
 * returns its decoded segments. Pure. The URL parser already folds `..` and `%2e%2e` segments, but only when the
 * URL comes through it and only for `/`; this check does not rely on that. It splits on the encoded `/` first and
 * decodes each segment exactly once, so an encoded separator can never create a new segment, and then refuses any
 * decoded segment that a filesystem could read as a step up, a root, a drive, a device or a second encoding.
 */
export function parseUrlPath(encodedPath: string): PathCheck {
  const rawSegments = encodedPath.split('/');
  const segments: string[] = [];
  for (const [index, raw] of rawSegments.entries()) {
    if (raw === '') return { ok: false, reason: index === 0 ? 'absolute' : 'malformed' };
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    const refusal = refuseSegment(decoded, index === 0);
    if (refusal) return { ok: false, reason: refusal };
    segments.push(decoded);
  }
  return { ok: true, segments };
}

function refuseSegment(segment: string, isFirst: boolean): PathRefusal | null {
  if (segment.includes('\0')) return 'nul-byte';
  const pieces = segment.split(/[\\/]/);
  // Windows drops trailing dots and spaces, so `...` and `.. ` reach the parent folder there.
  if (pieces.some((piece) => /^[. ]+$/.test(piece) && piece.includes('..'))) return 'traversal';
  if (/^[\\/]/.test(segment) || (isFirst && driveLetter.test(segment))) return 'absolute';
  if (pieces.length > 1) return 'separator';
  // A `%` left after one decoding means the client encoded twice (`%252e`): some layer would decode it again.
  if (segment.includes('%')) return 'double-encoding';
  if (segment.includes(':') || controlCharacter.test(segment) || windowsDeviceName.test(segment)) {
    return 'invalid-name';
  }
  // Also covers `.`; and Windows would silently strip the trailing character, naming a different file.
  if (/[. ]$/.test(segment)) return 'invalid-name';
  return null;
}

/** True when `candidate` is `root` itself or lies below it. Both must be absolute and normalized. */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return (
    relative === '' ||
    (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative))
  );
}

/** Joins checked segments onto the root, refusing (again, as a second line) anything that would land outside. */
export function joinInside(rootDir: string, segments: readonly string[]): string | null {
  const root = path.resolve(rootDir);
  const candidate = path.resolve(root, ...segments);
  return isInside(root, candidate) ? candidate : null;
}

/**
 * Resolves an encoded URL path to the real path of an existing entry inside `rootDir`. The only I/O is realpath
 * on the root and the target, so a symlink anywhere on the way that leads out of the root is refused, while a
 * root that is itself reached through a symlink (macOS `/tmp`, a library on another drive) still works. Callers
 * should open the returned real path, not the joined one, so what is read is what was checked.
 */
export async function resolveInsideRoot(rootDir: string, encodedPath: string): Promise<ResolvedPath> {
  const check = parseUrlPath(encodedPath);
  if (!check.ok) return check;
  const joined = joinInside(rootDir, check.segments);
  if (joined === null) return { ok: false, reason: 'outside-root' };
  let realRoot: string;
  let realTarget: string;
  try {
    realRoot = await realpath(rootDir);
    realTarget = await realpath(joined);
  } catch (error) {
    if (isMissingEntryError(error)) return { ok: false, reason: 'not-found' };
    throw error;
  }
  if (!isInside(realRoot, realTarget)) return { ok: false, reason: 'outside-root' };
  return { ok: true, path: realTarget };
}

/** ELOOP (a symlink cycle) and ENAMETOOLONG name nothing that can be read, which is what "not found" means here. */
function isMissingEntryError(error: unknown): boolean {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP' || code === 'ENAMETOOLONG';
}
