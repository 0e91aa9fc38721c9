import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src-main/shell/csp';
import { MEDIA_SCHEME } from '../../src-main/shell/schemes';

/** Parses the header the way a browser does, so the test sees what Chromium enforces, not the source object. */
function parse(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    // A browser ignores a repeated directive, so the first one is the one that counts.
    if (name === undefined || name === '' || directives.has(name.toLowerCase())) continue;
    directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

const policy = parse(CONTENT_SECURITY_POLICY);
const sources = (directive: string) => policy.get(directive);

describe('Content-Security-Policy', () => {
  it('is one header value with each directive once', () => {
    const names = CONTENT_SECURITY_POLICY.split(';').map((part) => part.trim().split(/\s+/)[0]);
    expect(new Set(names).size).toBe(names.length);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/[\r\n,]/);
  });

  it('denies everything not listed', () => {
    expect(sources('default-src')).toEqual(["'none'"]);
  });

  it('runs only the app bundle: no eval, no inline script, no remote script', () => {
    expect(sources('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
  });

  it('loads styles and fonts only from the app, without inline style blocks', () => {
    expect(sources('style-src')).toEqual(["'self'"]);
    expect(sources('font-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  });

  it('limits images to the app, the media scheme, blob: and data:', () => {
    expect(MEDIA_SCHEME).toBe('seedream-media');
    expect(new Set(sources('img-src'))).toEqual(new Set(["'self'", 'seedream-media:', 'blob:', 'data:']));
  });

  it('lets the page fetch only from itself and the media scheme', () => {
    expect(new Set(sources('connect-src'))).toEqual(new Set(["'self'", 'seedream-media:']));
  });

  it('allows no plugins, base rewriting, form posts or framing', () => {
    expect(sources('object-src')).toEqual(["'none'"]);
    expect(sources('base-uri')).toEqual(["'none'"]);
    expect(sources('form-action')).toEqual(["'none'"]);
    expect(sources('frame-ancestors')).toEqual(["'none'"]);
  });

  it('names no remote origin and no wildcard anywhere', () => {
    for (const [directive, list] of policy) {
      for (const source of list) {
        expect(source, `${directive} ${source}`).not.toMatch(/^(https?:|wss?:|\*)|\*/);
      }
    }
  });
});
