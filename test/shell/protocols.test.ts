import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { describe, expect, it } from 'vitest';
import { handleAppProtocols, registerPrivilegedSchemes } from '../../src-main/shell/protocols';

type Handler = (request: Request) => Promise<Response>;

function fakeProtocol() {
  const schemes: CustomScheme[] = [];
  const handlers = new Map<string, Handler>();
  const protocol = {
    registerSchemesAsPrivileged: (list: CustomScheme[]) => schemes.push(...list),
    handle: (scheme: string, handler: Handler) => handlers.set(scheme, handler),
  };
  return { protocol: protocol as unknown as Protocol, schemes, handlers };
}

describe('app protocols', () => {
  it('registers app:// and the media scheme as standard, secure schemes without CORS bypass', () => {
    const { protocol, schemes } = fakeProtocol();
    registerPrivilegedSchemes(protocol);
    expect(schemes.map((s) => s.scheme).sort()).toEqual(['app', 'seedream-media']);
    for (const { privileges } of schemes) {
      expect(privileges).toMatchObject({ standard: true, secure: true });
      expect(privileges?.bypassCSP).not.toBe(true);
      expect(privileges?.corsEnabled).not.toBe(true);
    }
  });

  it('serves the renderer with the CSP and refuses media outside the library', async () => {
    const rendererDir = mkdtempSync(join(tmpdir(), 'renderer-'));
    const libraryDir = mkdtempSync(join(tmpdir(), 'library-'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
    const { protocol, handlers } = fakeProtocol();
    handleAppProtocols(protocol, { rendererDir, libraryDir });

    const page = await handlers.get('app')?.(new Request('app://studio/index.html'));
    expect(page?.status).toBe(200);
    expect(page?.headers.get('content-security-policy')).toContain("default-src 'none'");

    const escape = await handlers.get('seedream-media')?.(
      new Request('seedream-media://library/..%2f..%2fetc%2fpasswd'),
    );
    expect(escape?.status).toBe(403);
  });
});
