import { originOf } from './app-origin';
import type { WebContents } from 'electron';

export type WindowOpenDecision = { action: 'deny' };

/** Only https links may leave the app, and only to the user's own browser. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
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
 * handed to the OS browser when it is https, and dropped otherwise.
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
