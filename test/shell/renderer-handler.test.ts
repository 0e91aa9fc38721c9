import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src-main/shell/csp';
import { createRendererHandler } from '../../src-main/shell/renderer-handler';

let base: string;
let dist: string;
const indexHtml =
  '<!doctype html><html><head><script type="module" src="./assets/index.js"></script></head></html>';

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'renderer-handler-'));
  dist = path.join(base, 'renderer');
  await mkdir(path.join(dist, 'assets'), { recursive: true });
  await writeFile(path.join(dist, 'index.html'), indexHtml);
  await writeFile(path.join(dist, 'assets', 'index.js'), 'console.log(1);');
  await writeFile(path.join(dist, 'assets', 'index.js.map'), '{}');
  await writeFile(path.join(dist, 'assets', 'index.css'), 'body{}');
  await writeFile(path.join(dist, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(path.join(dist, 'assets', 'icon.png'), 'png');
  await writeFile(path.join(dist, 'assets', 'inter.woff2'), 'woff2');
  await writeFile(path.join(dist, 'assets', 'en.json'), '{}');
  await writeFile(path.join(dist, 'favicon.ico'), 'ico');
  await writeFile(path.join(dist, 'notes.txt'), 'not part of the build');
  await writeFile(path.join(base, 'secret.json'), '{"key":"sk-secret"}');
  await symlink(path.join(base, 'secret.json'), path.join(dist, 'assets', 'linked.json'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const handler = () => createRendererHandler({ rootDir: dist });
const get = (url: string, init?: RequestInit) => handler()(new Request(url, init));

function expectSecurityHeaders(response: Response) {
  expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  expect(response.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
}

describe('renderer handler', () => {
  it.each([['app://studio/'], ['app://studio'], ['app://studio/index.html'], ['http://127.0.0.1:4100/']])(
    'serves index.html for %s with the security headers',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
      expectSecurityHeaders(response);
      expect(await response.text()).toBe(indexHtml);
    },
  );

  it.each([
    ['assets/index.js', 'text/javascript; charset=utf-8'],
    ['assets/index.js.map', 'application/json; charset=utf-8'],
    ['assets/index.css', 'text/css; charset=utf-8'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/icon.png', 'image/png'],
    ['assets/inter.woff2', 'font/woff2'],
    ['assets/en.json', 'application/json; charset=utf-8'],
    ['favicon.ico', 'image/x-icon'],
  ])('serves %s as %s', async (file, type) => {
    const response = await get(`app://studio/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(type);
    expectSecurityHeaders(response);
    await response.arrayBuffer();
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://studio/assets/index.js', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Length')).toBe(String('console.log(1);'.length));
    expect(response.body).toBeNull();
  });

  it('answers 404 for an unknown file, with no SPA fallback and with the headers', async () => {
    for (const url of ['app://studio/library', 'app://studio/assets/missing.js', 'app://studio/assets']) {
      const response = await get(url);
      expect(response.status).toBe(404);
      expectSecurityHeaders(response);
      expect(await response.text()).not.toContain('<html');
    }
  });

  it('refuses a file type the build does not emit', async () => {
    const response = await get('app://studio/notes.txt');
    expect(response.status).toBe(403);
    expectSecurityHeaders(response);
  });

  it('answers other methods with 405 and the headers', async () => {
    const response = await get('app://studio/', { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe('GET, HEAD');
    expectSecurityHeaders(response);
  });

  it.each([
    ['..%2fsecret.json'],
    ['assets/..%2F..%2Fsecret.json'],
    ['assets\\..\\..\\secret.json'],
    ['%252e%252e/secret.json'],
    ['%2fetc%2fpasswd'],
    ['index.html%00.js'],
    ['assets/linked.json'],
  ])('refuses %s with 403, the headers and no path', async (encoded) => {
    const response = await get(`app://studio/${encoded}`);
    expect(response.status).toBe(403);
    expectSecurityHeaders(response);
    const text = await response.text();
    expect(text).not.toContain(base);
    expect(text).not.toContain('sk-secret');
  });
});
