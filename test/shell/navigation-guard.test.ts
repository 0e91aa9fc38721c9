import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { externalLinks } from '../../src-preload/contract/external-links';
import { attachNavigationGuards } from '../../src-main/shell/navigation-guard';

type OpenHandler = (details: { url: string }) => { action: string };

class FakeContents extends EventEmitter {
  openHandler: OpenHandler | null = null;
  setWindowOpenHandler(handler: OpenHandler) {
    this.openHandler = handler;
  }
  /** Emits like Electron does and reports whether a listener prevented the default. */
  attempt(eventName: string, url: string): boolean {
    let prevented = false;
    this.emit(eventName, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

function setup() {
  const contents = new FakeContents();
  const opened: string[] = [];
  attachNavigationGuards(contents as unknown as WebContents, {
    appOrigin: 'app://studio',
    openExternal: (url) => opened.push(url),
  });
  return { contents, opened };
}

describe('navigation guards', () => {
  it("never opens a new window, and hands only the app's own links to the OS browser", () => {
    const { contents, opened } = setup();
    for (const url of Object.values(externalLinks)) {
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    }
    for (const url of [
      'https://evil.example/',
      'https://www.cometapi.com.evil.example/',
      'https://www.cometapi.com@evil.example/',
      'https://www.cometapi.com/other-page',
      'http://www.cometapi.com/',
      'file:///etc/passwd',
      'smb://server/share',
      'javascript:alert(1)',
    ]) {
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(Object.values(externalLinks));
  });

  it('blocks navigation away from the app', () => {
    const { contents, opened } = setup();
    expect(contents.attempt('will-navigate', 'https://evil.example/phish')).toBe(true);
    expect(contents.attempt('will-navigate', 'file:///home/user/secret.txt')).toBe(true);
    expect(contents.attempt('will-navigate', 'app://other/index.html')).toBe(true);
    expect(contents.attempt('will-navigate', externalLinks.cometApi)).toBe(true);
    expect(opened).toEqual([externalLinks.cometApi]);
  });

  it('allows navigation inside the app', () => {
    const { contents } = setup();
    expect(contents.attempt('will-navigate', 'app://studio/index.html#/library')).toBe(false);
  });

  it('blocks redirects out of the app and webviews', () => {
    const { contents } = setup();
    expect(contents.attempt('will-redirect', 'https://evil.example/')).toBe(true);
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });
});
