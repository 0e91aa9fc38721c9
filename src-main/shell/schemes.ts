/**
 * The app's own URL schemes, named in one place so the protocol registration, the CSP, the navigation guard and
 * the library's media URLs cannot drift apart. Electron-free: imported by Node-tested modules too.
 */

/** The built renderer is served from `app://studio/`, a standard, secure scheme with a real origin. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'studio';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Library images reach the renderer as `seedream-media://library/<path relative to the library folder>`. */
export const MEDIA_SCHEME = 'seedream-media';
export const MEDIA_HOST = 'library';
export const MEDIA_ORIGIN = `${MEDIA_SCHEME}://${MEDIA_HOST}`;

/**
 * The media URL of a file given by its path relative to the library folder (either separator). Each segment is
 * percent-encoded so names with spaces, `#`, `?` or non-ASCII characters survive the trip through the URL parser.
 */
export function mediaUrl(relativePath: string): string {
  const segments = relativePath.split(/[\\/]/).filter((segment) => segment !== '');
  return `${MEDIA_ORIGIN}/${segments.map(encodeURIComponent).join('/')}`;
}
