import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isInside, joinInside, parseUrlPath, resolveInsideRoot } from '../../src-main/media/safe-path';

describe('parseUrlPath', () => {
  it('decodes each segment of an ordinary path', () => {
    expect(parseUrlPath('ab/ab12.png')).toEqual({ ok: true, segments: ['ab', 'ab12.png'] });
    expect(parseUrlPath('%E4%B8%AD%E6%96%87/a%20b.png')).toEqual({ ok: true, segments: ['中文', 'a b.png'] });
  });

  it.each([
    ['../etc/passwd'],
    ['a/../../etc/passwd'],
    ['..'],
    ['%2e%2e/secret.png'],
    ['%2E%2e/secret.png'],
    ['a/%2e%2E'],
    ['..%2fsecret.png'],
    ['..%2Fsecret.png'],
    ['..\\secret.png'],
    ['a\\..\\..\\secret.png'],
    ['..%5csecret.png'],
    ['a%5C..%5C..%5Csecret.png'],
    ['...'],
    ['..%20'],
  ])('refuses the step up in %s', (encoded) => {
    expect(parseUrlPath(encoded)).toEqual({ ok: false, reason: 'traversal' });
  });

  it.each([['%252e%252e/secret.png'], ['%252e%252e%252fsecret.png'], ['a%25'], ['%25%32%65%25%32%65']])(
    'refuses the double encoding in %s',
    (encoded) => {
      expect(parseUrlPath(encoded)).toEqual({ ok: false, reason: 'double-encoding' });
    },
  );

  it.each([
    ['/etc/passwd'],
    ['%2fetc%2fpasswd'],
    ['%2Fetc/passwd'],
    ['C:%5cWindows%5cwin.ini'],
    ['C:/Windows/win.ini'],
    ['c:'],
    ['\\\\server\\share\\x.png'],
    ['%5c%5cserver%5cshare%5cx.png'],
    ['%5cWindows'],
  ])('refuses the absolute path %s', (encoded) => {
    expect(parseUrlPath(encoded)).toEqual({ ok: false, reason: 'absolute' });
  });

  it.each([['a%2fb.png'], ['a%5Cb.png']])('refuses the encoded separator in %s', (encoded) => {
    expect(parseUrlPath(encoded)).toEqual({ ok: false, reason: 'separator' });
  });

  it.each([['a.png\0.txt'], ['a.png%00.txt'], ['%00'], ['a/%00/b']])(
    'refuses the NUL byte in %j',
    (encoded) => {
      expect(parseUrlPath(encoded)).toEqual({ ok: false, reason: 'nul-byte' });
    },
  );

  it.each([['a//b.png'], ['a/'], ['%E4%B8'], ['%zz']])('refuses the malformed path %s', (encoded) => {
    expect(parseUrlPath(encoded)).toEqual({ ok: false, reason: 'malformed' });
  });

  it.each([
    ['a/b.png:stream'],
    ['CON'],
    ['nul.png'],
    ['Com1.txt'],
    ['a%0Ab'],
    ['.'],
    ['a/.'],
    ['x.png.'],
    ['x.png%20'],
  ])('refuses the name Windows or a terminal would read differently: %s', (encoded) => {
    expect(parseUrlPath(encoded)).toEqual({ ok: false, reason: 'invalid-name' });
  });
});

describe('joinInside and isInside', () => {
  it('keeps a joined path under the root and rejects one that leaves it', () => {
    const root = path.resolve('/srv/library');
    expect(joinInside(root, ['ab', 'c.png'])).toBe(path.join(root, 'ab', 'c.png'));
    expect(joinInside(root, ['..', 'c.png'])).toBeNull();
    expect(joinInside(root, [path.resolve('/etc/passwd')])).toBeNull();
  });

  it('does not mistake a sibling with the same prefix for the root', () => {
    expect(isInside(path.resolve('/srv/library'), path.resolve('/srv/library-evil/a.png'))).toBe(false);
    expect(isInside(path.resolve('/srv/library'), path.resolve('/srv/library/a.png'))).toBe(true);
    expect(isInside(path.resolve('/srv/library'), path.resolve('/srv/library'))).toBe(true);
  });
});

describe('resolveInsideRoot', () => {
  let base: string;
  let root: string;
  let outside: string;

  beforeEach(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'safe-path-'));
    root = path.join(base, 'library');
    outside = path.join(base, 'outside');
    await mkdir(path.join(root, 'images'), { recursive: true });
    await mkdir(outside);
    await writeFile(path.join(root, 'images', 'a.png'), 'inside');
    await writeFile(path.join(outside, 'secret.png'), 'outside');
  });

  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('returns the real path of a file inside the root', async () => {
    const result = await resolveInsideRoot(root, 'images/a.png');
    expect(result).toEqual({ ok: true, path: path.join(root, 'images', 'a.png') });
  });

  it('reports a missing file as not found, not as a refusal', async () => {
    expect(await resolveInsideRoot(root, 'images/missing.png')).toEqual({ ok: false, reason: 'not-found' });
    expect(await resolveInsideRoot(root, 'images/a.png/x')).toEqual({ ok: false, reason: 'not-found' });
  });

  it('refuses a symlinked file that leads outside the root', async () => {
    await symlink(path.join(outside, 'secret.png'), path.join(root, 'images', 'link.png'));
    expect(await resolveInsideRoot(root, 'images/link.png')).toEqual({ ok: false, reason: 'outside-root' });
  });

  it('refuses a symlinked folder that leads outside the root', async () => {
    await symlink(outside, path.join(root, 'escape'), 'dir');
    expect(await resolveInsideRoot(root, 'escape/secret.png')).toEqual({ ok: false, reason: 'outside-root' });
  });

  it('refuses a relative symlink that climbs out of the root', async () => {
    await symlink('../../outside/secret.png', path.join(root, 'images', 'climb.png'));
    expect(await resolveInsideRoot(root, 'images/climb.png')).toEqual({ ok: false, reason: 'outside-root' });
  });

  it('follows a symlink that stays inside the root', async () => {
    await symlink(path.join(root, 'images', 'a.png'), path.join(root, 'alias.png'));
    expect(await resolveInsideRoot(root, 'alias.png')).toEqual({
      ok: true,
      path: path.join(root, 'images', 'a.png'),
    });
  });

  it('serves from a root that is itself reached through a symlink', async () => {
    const linkedRoot = path.join(base, 'linked-library');
    await symlink(root, linkedRoot, 'dir');
    expect(await resolveInsideRoot(linkedRoot, 'images/a.png')).toEqual({
      ok: true,
      path: path.join(root, 'images', 'a.png'),
    });
  });

  it('refuses before touching the disk when the path itself is bad', async () => {
    expect(await resolveInsideRoot(root, '..%2foutside%2fsecret.png')).toEqual({
      ok: false,
      reason: 'traversal',
    });
    expect(await resolveInsideRoot(path.join(base, 'no-such-root'), '%2e%2e/x')).toEqual({
      ok: false,
      reason: 'traversal',
    });
  });
});
