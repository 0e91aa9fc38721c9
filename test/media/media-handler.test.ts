import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMediaHandler,
  imageContentType,
  matchesIfNoneMatch,
  parseRange,
} from '../../src-main/media/media-handler';
import { mediaUrl } from '../../src-main/shell/schemes';

const sha = 'a3f1c2d4e5f60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00';
const immutable = 'private, max-age=31536000, immutable';

let base: string;
let root: string;
let png: Buffer;
let big: Buffer;

async function image(
  format: 'png' | 'jpeg' | 'webp' | 'gif' | 'tiff',
  width = 8,
  height = 6,
): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 90 } } })
    .toFormat(format)
    .toBuffer();
}

/** A valid 2x1 24-bit BMP (BITMAPINFOHEADER): sharp reads BMP but does not write it. */
function bmp(): Buffer {
  const file = Buffer.alloc(54 + 8);
  file.write('BM', 0, 'ascii');
  file.writeUInt32LE(file.length, 2);
  file.writeUInt32LE(54, 10);
  file.writeUInt32LE(40, 14);
  file.writeInt32LE(2, 18);
  file.writeInt32LE(1, 22);
  file.writeUInt16LE(1, 26);
  file.writeUInt16LE(24, 28);
  return file;
}

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'media-handler-'));
  root = path.join(base, 'library');
  const outside = path.join(base, 'outside');
  await mkdir(path.join(root, 'images', 'a3'), { recursive: true });
  await mkdir(path.join(root, 'thumbs'), { recursive: true });
  await mkdir(outside);
  png = await image('png');
  // Noise does not compress, so the file is large enough to need many chunks.
  big = await sharp(Buffer.from(Array.from({ length: 1024 * 1024 * 3 }, (_, i) => (i * 7919) % 251)), {
    raw: { width: 1024, height: 1024, channels: 3 },
  })
    .png({ compressionLevel: 0 })
    .toBuffer();
  await writeFile(path.join(root, 'images', 'a3', `${sha}.png`), png);
  await writeFile(path.join(root, 'images', 'big.png'), big);
  await writeFile(path.join(root, 'images', 'photo.jpeg'), await image('jpeg'));
  await writeFile(path.join(root, 'thumbs', `${sha}-256.webp`), await image('webp'));
  await writeFile(path.join(root, 'images', 'anim.gif'), await image('gif'));
  await writeFile(path.join(root, 'images', 'scan.tiff'), await image('tiff'));
  await writeFile(path.join(root, 'images', 'old.bmp'), bmp());
  await writeFile(path.join(root, 'images', 'a b 中.png'), png);
  await writeFile(path.join(root, 'library.db'), 'SQLite format 3\0 not an image');
  await writeFile(path.join(root, 'images', 'page.png'), '<script>alert(1)</script>');
  await writeFile(path.join(outside, 'secret.png'), png);
  await symlink(path.join(outside, 'secret.png'), path.join(root, 'images', 'escape.png'));
  await symlink(outside, path.join(root, 'escape-dir'), 'dir');
  await symlink(path.join(root, 'images', 'a3', `${sha}.png`), path.join(root, 'images', 'alias.png'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const handler = () => createMediaHandler({ rootDir: root, mountPath: '/', host: 'library' });
const get = (url: string, init?: RequestInit) => handler()(new Request(url, init));
const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe('media handler: serving', () => {
  it('serves a library image with its type, length and immutable caching', async () => {
    const response = await get(`seedream-media://library/images/a3/${sha}.png`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('image/png');
    expect(response.headers.get('Content-Length')).toBe(String(png.length));
    expect(response.headers.get('Cache-Control')).toBe(immutable);
    expect(response.headers.get('ETag')).toBe(`"${sha}"`);
    expect(response.headers.get('Accept-Ranges')).toBe('bytes');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect((await bytes(response)).equals(png)).toBe(true);
  });

  it.each([
    ['images/photo.jpeg', 'image/jpeg'],
    [`thumbs/${sha}-256.webp`, 'image/webp'],
    ['images/anim.gif', 'image/gif'],
    ['images/scan.tiff', 'image/tiff'],
    ['images/old.bmp', 'image/bmp'],
  ])('takes the type of %s from its bytes: %s', async (file, type) => {
    const response = await get(`seedream-media://library/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(type);
    await response.arrayBuffer();
  });

  it('gives a thumbnail with a digest stem a strong tag and immutable caching too', async () => {
    const response = await get(`seedream-media://library/thumbs/${sha}-256.webp`);
    expect(response.headers.get('ETag')).toBe(`"${sha}-256"`);
    expect(response.headers.get('Cache-Control')).toBe(immutable);
    await response.arrayBuffer();
  });

  it('revalidates a file whose name is not a digest, with a weak tag', async () => {
    const response = await get('seedream-media://library/images/photo.jpeg');
    expect(response.headers.get('ETag')).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+"$/);
    expect(response.headers.get('Cache-Control')).toBe('private, no-cache');
    await response.arrayBuffer();
  });

  it('refuses to serve files that are not images, whatever their extension', async () => {
    for (const file of ['library.db', 'images/page.png']) {
      const response = await get(`seedream-media://library/${file}`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('SQLite');
    }
  });

  it('serves names with spaces and non-ASCII characters built by mediaUrl', async () => {
    const url = mediaUrl(path.join('images', 'a b 中.png'));
    expect(url).toBe('seedream-media://library/images/a%20b%20%E4%B8%AD.png');
    const response = await get(url);
    expect(response.status).toBe(200);
    expect((await bytes(response)).equals(png)).toBe(true);
  });

  it('follows a symlink that stays inside the library', async () => {
    const response = await get('seedream-media://library/images/alias.png');
    expect(response.status).toBe(200);
    expect(response.headers.get('ETag')).toBe(`"${sha}"`);
    await response.arrayBuffer();
  });

  it('streams a large file in chunks instead of one buffer', async () => {
    const response = await get('seedream-media://library/images/big.png');
    const body = response.body;
    if (body === null) throw new Error('expected a body');
    const chunks: Uint8Array[] = [];
    for await (const chunk of body) {
      const value: unknown = chunk;
      if (!(value instanceof Uint8Array)) throw new Error('expected bytes');
      chunks.push(value);
    }
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    expect(chunks.length).toBeGreaterThan(4);
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(big.length / 4);
    expect(Buffer.concat(chunks).equals(big)).toBe(true);
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await get(`seedream-media://library/images/a3/${sha}.png`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Length')).toBe(String(png.length));
    expect(response.headers.get('Content-Type')).toBe('image/png');
    expect(response.body).toBeNull();
  });

  it('serves under an HTTP mount for the Chromium driver and nothing outside it', async () => {
    const http = createMediaHandler({ rootDir: root, mountPath: '/media/', host: '127.0.0.1:4100' });
    const response = await http(new Request(`http://127.0.0.1:4100/media/images/a3/${sha}.png`));
    expect(response.status).toBe(200);
    expect((await bytes(response)).equals(png)).toBe(true);
    expect((await http(new Request(`http://127.0.0.1:4100/images/a3/${sha}.png`))).status).toBe(404);
    expect((await http(new Request('http://127.0.0.1:4100/media/..%2flibrary.db'))).status).toBe(403);
    expect((await http(new Request(`http://127.0.0.1:4101/media/images/a3/${sha}.png`))).status).toBe(404);
  });

  it('answers only for its own host', async () => {
    for (const url of [
      `seedream-media://other/images/a3/${sha}.png`,
      `seedream-media://library.evil/images/a3/${sha}.png`,
      `seedream-media://library:8080/images/a3/${sha}.png`,
    ]) {
      expect((await get(url)).status, url).toBe(404);
    }
    expect((await get(`seedream-media://LIBRARY/images/a3/${sha}.png`)).status).toBe(200);
  });
});

describe('media handler: conditional and range requests', () => {
  const url = `seedream-media://library/images/a3/${sha}.png`;

  it('answers 304 without a body when the tag matches', async () => {
    for (const tag of [`"${sha}"`, `W/"${sha}"`, `"other", "${sha}"`, '*']) {
      const response = await get(url, { headers: { 'If-None-Match': tag } });
      expect(response.status).toBe(304);
      expect(response.body).toBeNull();
      expect(response.headers.get('ETag')).toBe(`"${sha}"`);
      expect(response.headers.get('Cache-Control')).toBe(immutable);
    }
  });

  it('sends the file when the tag differs', async () => {
    const response = await get(url, { headers: { 'If-None-Match': '"something-else"' } });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
  });

  it('answers a byte range with 206 and exactly those bytes', async () => {
    const response = await get(url, { headers: { Range: 'bytes=8-15' } });
    expect(response.status).toBe(206);
    expect(response.headers.get('Content-Range')).toBe(`bytes 8-15/${png.length}`);
    expect(response.headers.get('Content-Length')).toBe('8');
    expect((await bytes(response)).equals(png.subarray(8, 16))).toBe(true);
  });

  it('answers open and suffix ranges', async () => {
    const open = await get(url, { headers: { Range: 'bytes=10-' } });
    expect(open.status).toBe(206);
    expect((await bytes(open)).equals(png.subarray(10))).toBe(true);
    const suffix = await get(url, { headers: { Range: 'bytes=-4' } });
    expect(suffix.headers.get('Content-Range')).toBe(
      `bytes ${png.length - 4}-${png.length - 1}/${png.length}`,
    );
    expect((await bytes(suffix)).equals(png.subarray(png.length - 4))).toBe(true);
  });

  it('answers 416 for a range past the end', async () => {
    const response = await get(url, { headers: { Range: `bytes=${png.length}-` } });
    expect(response.status).toBe(416);
    expect(response.headers.get('Content-Range')).toBe(`bytes */${png.length}`);
  });

  it('ignores the range when If-Range names another version', async () => {
    const response = await get(url, { headers: { Range: 'bytes=0-3', 'If-Range': '"stale"' } });
    expect(response.status).toBe(200);
    expect((await bytes(response)).equals(png)).toBe(true);
    const current = await get(url, { headers: { Range: 'bytes=0-3', 'If-Range': `"${sha}"` } });
    expect(current.status).toBe(206);
    await current.arrayBuffer();
  });

  it('parses ranges by the RFC', () => {
    expect(parseRange(null, 100)).toEqual({ kind: 'full' });
    expect(parseRange('bytes=0-0', 100)).toEqual({ kind: 'partial', start: 0, end: 0 });
    expect(parseRange('bytes=90-200', 100)).toEqual({ kind: 'partial', start: 90, end: 99 });
    expect(parseRange('bytes=-500', 100)).toEqual({ kind: 'partial', start: 0, end: 99 });
    expect(parseRange('bytes=-0', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=100-', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=5-2', 100)).toEqual({ kind: 'full' });
    expect(parseRange('bytes=0-1,5-6', 100)).toEqual({ kind: 'full' });
    expect(parseRange('items=0-1', 100)).toEqual({ kind: 'full' });
    expect(parseRange('bytes=-', 100)).toEqual({ kind: 'full' });
  });

  it('compares If-None-Match weakly', () => {
    expect(matchesIfNoneMatch('W/"x"', '"x"')).toBe(true);
    expect(matchesIfNoneMatch('"y", "x"', 'W/"x"')).toBe(true);
    expect(matchesIfNoneMatch('"y"', '"x"')).toBe(false);
    expect(matchesIfNoneMatch(null, '"x"')).toBe(false);
  });

  it('recognises image signatures only', () => {
    expect(imageContentType(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toBe('image/gif');
    expect(imageContentType(Buffer.from('<html>'))).toBeNull();
    expect(imageContentType(new Uint8Array())).toBeNull();
  });
});

describe('media handler: refusals', () => {
  it.each([['POST'], ['PUT'], ['DELETE'], ['OPTIONS']])(
    'answers %s with 405 and the allowed methods',
    async (method) => {
      const response = await get(`seedream-media://library/images/a3/${sha}.png`, { method });
      expect(response.status).toBe(405);
      expect(response.headers.get('Allow')).toBe('GET, HEAD');
    },
  );

  it('answers 404 for a missing file and for a folder', async () => {
    for (const file of ['images/missing.png', 'images', 'images/a3']) {
      const response = await get(`seedream-media://library/${file}`);
      expect(response.status).toBe(404);
    }
  });

  it.each([
    ['..%2foutside%2fsecret.png'],
    ['images/..%2f..%2foutside%2fsecret.png'],
    ['images/..%2F..%2Foutside%2Fsecret.png'],
    ['images\\..\\..\\outside\\secret.png'],
    ['images/..%5c..%5coutside%5csecret.png'],
    ['%252e%252e/outside/secret.png'],
    ['%2fetc%2fpasswd'],
    ['C:%5cWindows%5cwin.ini'],
    ['\\\\server\\share\\secret.png'],
    [`images/a3/${sha}.png%00.txt`],
    [`images/a3/${sha}.png\u0000.txt`],
    ['images/escape.png'],
    ['escape-dir/secret.png'],
  ])('refuses %s with 403 and names no path', async (encoded) => {
    const response = await get(`seedream-media://library/${encoded}`);
    expect(response.status).toBe(403);
    const text = await response.text();
    expect(text).toBe('Forbidden.');
    expect(text).not.toContain(base);
    expect(response.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
  });

  it('never reaches outside when the URL parser folds dot segments first', async () => {
    for (const url of [
      'seedream-media://library/../../outside/secret.png',
      'seedream-media://library/%2e%2e/%2E%2e/outside/secret.png',
    ]) {
      const response = await get(url);
      expect(response.status).toBe(404);
    }
  });
});
