import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  forbidden,
  methodNotAllowed,
  notFound,
  textResponse,
  type RequestHandler,
} from '../media/file-response';
import { resolveInsideRoot } from '../media/safe-path';
import { CONTENT_SECURITY_POLICY } from './csp';

export interface RendererHandlerOptions {
  /** The built renderer (`dist/renderer`). */
  rootDir: string;
}

/** Headers on every answer, errors included, so no document of the app's origin ever loads without the CSP. */
export const rendererSecurityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Serves the built renderer for `app://studio/...` and for the Chromium driver's `http://127.0.0.1:PORT/`, with
 * the same path guard as the media handler. `/` is `index.html`. There is no SPA fallback: navigation between
 * views lives in the store, not in the URL, so every legitimate request names a real file. A file of a type
 * not listed is refused rather than sent as a guess, since nothing the build emits needs one.
 *
 * In a packaged app these files are inside `app.asar`, which Electron's fs layer serves for `readFile` and
 * `realpath` but not, before Electron 45, for `FileHandle` reads; and the files are small. So they are read
 * whole here; ranged reads through an open handle stay with library media, which is never in the archive.
 */
export function createRendererHandler({ rootDir }: RendererHandlerOptions): RequestHandler {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return methodNotAllowed(rendererSecurityHeaders);
    const pathname = new URL(request.url).pathname;
    if (pathname !== '' && !pathname.startsWith('/')) return notFound(rendererSecurityHeaders);
    const encodedPath = pathname === '' || pathname === '/' ? 'index.html' : pathname.slice(1);
    try {
      const resolved = await resolveInsideRoot(rootDir, encodedPath);
      if (!resolved.ok) {
        return resolved.reason === 'not-found'
          ? notFound(rendererSecurityHeaders)
          : forbidden(rendererSecurityHeaders);
      }
      const body = await readFile(resolved.path).catch((error: unknown) => {
        const code = error instanceof Error && 'code' in error ? error.code : undefined;
        // A folder named like a file (EISDIR) or a file gone since the check is simply not there.
        if (code === 'ENOENT' || code === 'EISDIR') return null;
        throw error;
      });
      if (body === null) return notFound(rendererSecurityHeaders);
      const contentType = contentTypes[path.extname(resolved.path).toLowerCase()];
      if (contentType === undefined) return forbidden(rendererSecurityHeaders);
      const headers = new Headers({
        ...rendererSecurityHeaders,
        'Content-Type': contentType,
        'Content-Length': String(body.length),
        // A new app version replaces files under the same names (index.html first), so always revalidate.
        'Cache-Control': 'no-cache',
      });
      return new Response(request.method === 'HEAD' || body.length === 0 ? null : body, {
        status: 200,
        headers,
      });
    } catch {
      return textResponse(500, 'The file could not be read.', rendererSecurityHeaders);
    }
  };
}
