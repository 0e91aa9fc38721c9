import type { Protocol } from 'electron';
import { createMediaHandler } from '../media/media-handler';
import { createRendererHandler } from './renderer-handler';
import { APP_SCHEME, MEDIA_HOST, MEDIA_SCHEME } from './schemes';

/**
 * Must run before the app is ready. `standard` gives app:// a real origin (so the CSP's 'self' and storage
 * work); `secure` makes it a secure context; neither scheme may be used by fetch from other origins.
 */
export function registerPrivilegedSchemes(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    {
      scheme: MEDIA_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
    },
  ]);
}

export function handleAppProtocols(
  protocol: Protocol,
  dirs: { rendererDir: string; libraryDir: string },
  makeMissing?: (relativePath: string) => Promise<boolean>,
): void {
  protocol.handle(APP_SCHEME, createRendererHandler({ rootDir: dirs.rendererDir }));
  protocol.handle(
    MEDIA_SCHEME,
    createMediaHandler({ rootDir: dirs.libraryDir, mountPath: '/', host: MEDIA_HOST, makeMissing }),
  );
}
