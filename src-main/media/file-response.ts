import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { ResolvedPath } from './safe-path';

/** The shape Electron's `protocol.handle` expects, and what the Chromium driver's HTTP server calls. */
export type RequestHandler = (request: Request) => Promise<Response>;

const READ_CHUNK_BYTES = 256 * 1024;
const ALLOWED_METHODS = 'GET, HEAD';

/** An open regular file inside the served root; its handle is read with positions, so it can be shared. */
export class OpenedFile {
  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    readonly size: number,
    readonly modifiedMs: number,
  ) {}

  /**
   * Opens a path that `resolveInsideRoot` returned. O_NOFOLLOW refuses a final component swapped for a symlink
   * after the check (Windows has no such flag; there the constant is undefined and `|` treats it as 0). Folders
   * and devices are not files and count as missing.
   */
  static async open(realPath: string): Promise<OpenedFile | null> {
    const handle = await open(realPath, constants.O_RDONLY | constants.O_NOFOLLOW);
    const stats = await handle.stat();
    if (!stats.isFile()) {
      await handle.close();
      return null;
    }
    return new OpenedFile(realPath, handle, stats.size, stats.mtimeMs);
  }

  async readHead(length: number): Promise<Uint8Array> {
    const buffer = new Uint8Array(length);
    const { bytesRead } = await this.handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  }

  /** Streams bytes `start..end` (inclusive) in chunks, so a large image never sits whole in memory. */
  stream(start: number, end: number): ReadableStream<Uint8Array> {
    let position = start;
    return new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        try {
          const length = Math.min(READ_CHUNK_BYTES, end + 1 - position);
          const buffer = new Uint8Array(Math.max(length, 0));
          const bytesRead = length > 0 ? (await this.handle.read(buffer, 0, length, position)).bytesRead : 0;
          // Nothing left to send, or the file shrank under us: end the stream either way rather than wait.
          if (bytesRead === 0) {
            await this.close();
            controller.close();
            return;
          }
          position += bytesRead;
          controller.enqueue(buffer.subarray(0, bytesRead));
        } catch (error) {
          await this.close();
          controller.error(error);
        }
      },
      cancel: () => this.close(),
    });
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }
}

/** Turns a resolution into an open file, or into the refusal or 404 that answers the request. */
export async function openResolvedFile(
  resolved: ResolvedPath,
  extraHeaders?: Record<string, string>,
): Promise<OpenedFile | Response> {
  if (!resolved.ok) return resolved.reason === 'not-found' ? notFound(extraHeaders) : forbidden(extraHeaders);
  try {
    return (await OpenedFile.open(resolved.path)) ?? notFound(extraHeaders);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    if (code === 'ENOENT') return notFound(extraHeaders);
    // ELOOP: the checked file was replaced by a symlink between the check and the open.
    if (code === 'ELOOP' || code === 'EACCES' || code === 'EPERM') return forbidden(extraHeaders);
    throw error;
  }
}

/** Refusals name no path and no reason, so a probing page learns nothing about the disk. */
export function forbidden(extraHeaders?: Record<string, string>): Response {
  return textResponse(403, 'Forbidden.', extraHeaders);
}

export function notFound(extraHeaders?: Record<string, string>): Response {
  return textResponse(404, 'Not found.', extraHeaders);
}

export function methodNotAllowed(extraHeaders?: Record<string, string>): Response {
  return textResponse(405, 'Only GET and HEAD are supported.', { ...extraHeaders, Allow: ALLOWED_METHODS });
}

export function textResponse(status: number, text: string, extraHeaders?: Record<string, string>): Response {
  const headers = new Headers(extraHeaders);
  headers.set('Content-Type', 'text/plain; charset=utf-8');
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Cache-Control', 'no-store');
  return new Response(text, { status, headers });
}
