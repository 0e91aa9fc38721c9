import { MEDIA_SCHEME } from './schemes';

const mediaSource = `${MEDIA_SCHEME}:`;

/**
 * The renderer's Content-Security-Policy, sent as a header with every response of the app scheme (and of the
 * Chromium driver's server), so it holds before any byte of the page runs. Everything is denied unless listed.
 *
 * - Scripts come only from the app's own bundle: no 'unsafe-eval' (nothing in the bundle needs it), no
 *   'unsafe-inline' (Vite emits `<script type="module" src>`), and no remote origin, so injected markup cannot run
 *   code and a compromised CDN cannot either.
 * - Styles are 'self' without 'unsafe-inline'. React's `style={...}` props do not need it: React writes them
 *   through the CSSOM (`element.style[name] = value`), which CSP does not govern; only `style="..."` attributes
 *   in parsed markup and `<style>` elements are blocked. Vite emits CSS as files. The one runtime `<style>` in
 *   the dependencies is react-remove-scroll-bar (Radix modal dialogs), whose `body { overflow: hidden }` only
 *   matters for a scrolling body, which the app frame never has; its blocked insertion costs nothing else.
 * - Images: the app's own files, library images through the media scheme, and `blob:`/`data:` for pasted or
 *   dropped references and canvas output. Nothing remote: the API's result URLs are downloaded by main into the
 *   library first, so a prompt or a reply can never make the renderer fetch from a third party.
 * - connect-src admits the media scheme so the renderer may `fetch()` library files (a reference tray,
 *   copy-image) and reaches nothing else: all network traffic goes through main.
 * - No plugins, no `<base>` rewriting, no form posts, and no framing of the app by anything.
 */
export const cspDirectives: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", mediaSource, 'blob:', 'data:'],
  'connect-src': ["'self'", mediaSource],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

export const CONTENT_SECURITY_POLICY = Object.entries(cspDirectives)
  .map(([directive, sources]) => [directive, ...sources].join(' '))
  .join('; ');
