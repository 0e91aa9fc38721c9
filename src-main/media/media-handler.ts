import path from 'node:path';
import {
  methodNotAllowed,
  notFound,
  OpenedFile,
  openResolvedFile,
  textResponse,
  type RequestHandler,
} from './file-response';
import { imageMimeTypes, sniffImage } from './image-info';
import { resolveInsideRoot } from './safe-path';

export interface MediaHandlerOptions {
  /** The library folder; nothing outside it is ever read. */
  rootDir: string;
  /** The URL path the library is mounted at, with both slashes: `/` for the media scheme, `/media/` over HTTP. */
  mountPath: string;
  /**
   * The one host requests may name: `library` for `seedream-media://library/`, the loopback address and port of
   * the Chromium driver's server. Any other host is not the library and gets a 404, so no second name for it
   * (`seedream-media://anything/...`) can appear and be reasoned about separately.
   */
  host: string;
  /**
   * Asked to make a file that is not there yet (a thumbnail not made so far), by its path under the library
   * folder as the URL gives it; true when it now exists. So a tile on screen gets its thumbnail at once.
   */
  makeMissing?: (relativePath: string) => Promise<boolean>;
}

const CONTENT_ADDRESSED_CACHE = 'private, max-age=31536000, immutable';
const REVALIDATE_CACHE = 'private, no-cache';

/**
 * Serves library images. Only files whose first bytes show a known image format are served, so a catalog or any
 * other file that ends up in the library folder is never handed to the renderer. Content-addressed names (a hex
 * digest) get a strong ETag and a year of immutable caching; anything else is revalidated by size and time.
 */
export function createMediaHandler({
  rootDir,
  mountPath,
  host,
  makeMissing,
}: MediaHandlerOptions): RequestHandler {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return methodNotAllowed();
    const url = new URL(request.url);
    // Electron lowercases the host of a standard scheme; Node's URL keeps it as written for unknown schemes.
    if (url.host.toLowerCase() !== host || !url.pathname.startsWith(mountPath)) return notFound();
    const pathname = url.pathname;
    let file: OpenedFile | null = null;
    try {
      const relativePath = pathname.slice(mountPath.length);
      let resolved = await resolveInsideRoot(rootDir, relativePath);
      if (!resolved.ok && resolved.reason === 'not-found' && (await makeMissing?.(relativePath))) {
        resolved = await resolveInsideRoot(rootDir, relativePath);
      }
      const opened = await openResolvedFile(resolved);
      if (!(opened instanceof OpenedFile)) return opened;
      file = opened;
      const contentType = imageContentType(await file.readHead(IMAGE_SIGNATURE_BYTES));
      if (contentType === null) return notFound();
      const response = mediaResponse(request, file, contentType);
      // The stream owns the handle from here on and closes it when done or cancelled.
      if (response.body !== null) file = null;
      return response;
    } catch {
      return textResponse(500, 'The file could not be read.');
    } finally {
      await file?.close();
    }
  };
}

function mediaResponse(request: Request, file: OpenedFile, contentType: string): Response {
  const size = file.size;
  const etag = entityTag(file);
  const headers = new Headers({
    'Content-Type': contentType,
    'Accept-Ranges': 'bytes',
    ETag: etag.value,
    'Cache-Control': etag.strong ? CONTENT_ADDRESSED_CACHE : REVALIDATE_CACHE,
    'X-Content-Type-Options': 'nosniff',
  });
  if (matchesIfNoneMatch(request.headers.get('If-None-Match'), etag.value)) {
    return new Response(null, { status: 304, headers });
  }
  const ifRange = request.headers.get('If-Range');
  // A Range is only honoured when If-Range (if sent) names this exact representation by its strong tag.
  const rangeApplies = ifRange === null || (etag.strong && ifRange.trim() === etag.value);
  const range = rangeApplies ? parseRange(request.headers.get('Range'), size) : { kind: 'full' as const };
  if (range.kind === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${size}`);
    headers.delete('Content-Type');
    return new Response(null, { status: 416, headers });
  }
  const start = range.kind === 'partial' ? range.start : 0;
  const end = range.kind === 'partial' ? range.end : size - 1;
  headers.set('Content-Length', String(end - start + 1));
  if (range.kind === 'partial') headers.set('Content-Range', `bytes ${start}-${end}/${size}`);
  const status = range.kind === 'partial' ? 206 : 200;
  const body = request.method === 'HEAD' || size === 0 ? null : file.stream(start, end);
  return new Response(body, { status, headers });
}

export type ByteRange =
  { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

/**
 * One `bytes=` range (RFC 9110 §14.1.2), `end` inclusive. A missing, malformed or multi-range header means the
 * whole file: the RFC lets a server ignore Range, and no image viewer needs multipart answers.
 */
export function parseRange(header: string | null, size: number): ByteRange {
  if (header === null) return { kind: 'full' };
  const match = /^bytes=[ \t]*(\d*)[ \t]*-[ \t]*(\d*)[ \t]*$/.exec(header);
  if (!match) return { kind: 'full' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { kind: 'full' };
  if (first === '') {
    const suffix = Number(last);
    if (!Number.isSafeInteger(suffix)) return { kind: 'full' };
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? Number.MAX_SAFE_INTEGER : Number(last);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end < start) return { kind: 'full' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end: Math.min(end, size - 1) };
}

/** Weak comparison, as If-None-Match requires: `W/"x"` and `"x"` match each other. */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (header === null) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/** A stem that starts with a SHA-1 or longer hex digest, optionally with a suffix such as `-256` for thumbnails. */
const contentAddressedStem = /^[0-9a-f]{40,128}(?:[-_][0-9a-z]+)*$/i;

function entityTag(file: OpenedFile): { value: string; strong: boolean } {
  const stem = path.basename(file.path, path.extname(file.path));
  if (contentAddressedStem.test(stem)) return { value: `"${stem.toLowerCase()}"`, strong: true };
  return {
    value: `W/"${file.size.toString(16)}-${Math.floor(file.modifiedMs).toString(16)}"`,
    strong: false,
  };
}

/** Enough for every signature `sniffImage` knows; the dimensions it may also find are not needed here. */
const IMAGE_SIGNATURE_BYTES = 32;

/** The MIME type of the image formats the library stores, recognised by their leading bytes; null otherwise. */
export function imageContentType(head: Uint8Array): string | null {
  const sniffed = sniffImage(head);
  switch (sniffed.status) {
    case 'ok':
      return imageMimeTypes[sniffed.info.format];
    case 'incomplete':
      return imageMimeTypes[sniffed.format];
    case 'unknown':
      return null;
  }
}
