import type { WebContents } from 'electron';
import { externalLinks } from '../../src-preload/contract/external-links';
import { originOf } from './app-origin';

export type WindowOpenDecision = { action: 'deny' };

const allowedLinks: ReadonlySet<string> = new Set(Object.values(externalLinks));

/** Only the app's own few links leave it, and only to the user's browser; compared after URL parsing. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    return allowedLinks.has(new URL(url).href);
  } catch {
    return false;
  }
}

export function isSameOrigin(url: string, appOrigin: string): boolean {
  return originOf(url) === appOrigin;
}

export interface NavigationGuardOptions {
  appOrigin: string;
  openExternal: (url: string) => void;
}

/**
 * New windows are never created and the page never navigates away from the app: a link that would do so is
 * handed to the OS browser when it is one of `externalLinks`, and dropped otherwise.
 */
export function attachNavigationGuards(
  contents: WebContents,
  { appOrigin, openExternal }: NavigationGuardOptions,
) {
  contents.setWindowOpenHandler(({ url }): WindowOpenDecision => {
    if (isExternalLinkAllowed(url)) openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isSameOrigin(url, appOrigin)) return;
    event.preventDefault();
    if (isExternalLinkAllowed(url)) openExternal(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isSameOrigin(url, appOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}
