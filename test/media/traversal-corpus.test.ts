import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestHandler } from '../../src-main/media/file-response';
import { createMediaHandler } from '../../src-main/media/media-handler';

/**
 * A generated corpus of ways to name a file outside the library through the media handler: encoded and
 * double-encoded dots and separators, overlong UTF-8, full-width and look-alike characters, Windows
 * separators and devices, other hosts, symlinks out of the library and in loops, and paths far past the OS
 * limits. Every file outside the library is a valid image carrying a marker, so the handler would serve it if
 * any request reached it: zero escapes means no response ever carries a marker.
 */
const marker = 'SEEDREAM-SECRET-OUTSIDE-THE-LIBRARY';
const sha = 'ab'.repeat(32);

let base: string;
let root: string;
let legit: Buffer;

async function secretImage(where: string): Promise<void> {
  await mkdir(path.dirname(where), { recursive: true });
  await writeFile(where, Buffer.concat([legit, Buffer.from(`${marker} ${where}`)]));
}

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'media-traversal-'));
  root = path.join(base, 'library');
  legit = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#123' } })
    .png()
    .toBuffer();
  await mkdir(path.join(root, 'files', 'ab'), { recursive: true });
  await writeFile(path.join(root, 'files', 'ab', `${sha}.png`), legit);
  await writeFile(path.join(root, 'files', 'caf\u00e9.png'), legit);
  await secretImage(path.join(base, 'secret.png'));
  await secretImage(path.join(base, 'outside', 'secret.png'));
  // Shares the library folder's name as a prefix: a check by string prefix would let it through.
  await secretImage(path.join(base, 'library-evil', 'secret.png'));
  await symlink(path.join(base, 'secret.png'), path.join(root, 'files', 'link.png'));
  await symlink(path.join(base, 'outside'), path.join(root, 'files', 'linkdir'), 'dir');
  await symlink(path.join(root, 'files', 'loop-b'), path.join(root, 'files', 'loop-a'));
  await symlink(path.join(root, 'files', 'loop-a'), path.join(root, 'files', 'loop-b'));
  await symlink('../../secret.png', path.join(root, 'files', 'relative.png'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const dots = [
  '..',
  '.%2e',
  '%2e.',
  '%2e%2e',
  '%2E%2E',
  '%252e%252e',
  '%%32%65%%32%65',
  '%c0%ae%c0%ae',
  '%e0%80%ae%e0%80%ae',
  '%uff0e%uff0e',
  '\uff0e\uff0e',
  '%ef%bc%8e%ef%bc%8e',
  '\u2024\u2024',
  '...',
  '.. ',
  '..%20',
  '..%00',
  '..%09',
  '..;',
  '..%3b',
];
const separators = [
  '/',
  '%2f',
  '%2F',
  '%252f',
  '\\',
  '%5c',
  '%5C',
  '%255c',
  '%c0%af',
  '%e0%80%af',
  '\u2215',
  '\uff0f',
  '%ef%bc%8f',
  '/./',
  '//',
];
const targets = [
  'secret.png',
  'outside/secret.png',
  'library-evil/secret.png',
  'outside%2fsecret.png',
  'secret.png%00.png',
  'secret.png%23',
  'secret.png?x=1',
];
const direct = [
  'files/link.png',
  'files/linkdir/secret.png',
  'files/relative.png',
  'files/loop-a',
  'files/ab/../../files/link.png',
  'files/linkdir%2fsecret.png',
  '%2fetc%2fpasswd',
  '/etc/passwd',
  'C:%5cWindows%5cwin.ini',
  'C:/Windows/win.ini',
  '%5c%5c.%5cpipe%5csecret',
  '\\\\?\\C:\\secret.png',
  'CON',
  'files/NUL.png',
  'files/ab/secret.png:stream',
  `${'a/'.repeat(3000)}secret.png`,
  `${'x'.repeat(5000)}.png`,
  `${'../'.repeat(500)}secret.png`,
  `files/${'%2e%2e%2f'.repeat(64)}secret.png`,
];
const hosts = ['library', 'LIBRARY', 'evil', 'library.evil', 'library:80', '127.0.0.1', 'localhost'];

/** Every combination of a climb (depth x dots x separator) and a target, after each mount prefix. */
function corpus(): string[] {
  const paths = new Set<string>(direct);
  for (const dot of dots) {
    for (const separator of separators) {
      // Two steps up leave the library from its root and from any folder in it; more reach nothing new.
      for (let depth = 1; depth <= 2; depth += 1) {
        const climb = `${dot}${separator}`.repeat(depth);
        for (const target of targets) {
          paths.add(`${climb}${target}`);
          paths.add(`files${separator}${climb}${target}`);
        }
      }
    }
  }
  return [...paths];
}

interface Mount {
  name: string;
  handler: RequestHandler;
  url: (host: string, encodedPath: string) => string;
  ownHost: string;
}

/** Built when a test runs: the library folder only exists once `beforeAll` has made it. */
function mounts(): Mount[] {
  return [
    {
      name: 'media scheme',
      handler: createMediaHandler({ rootDir: root, mountPath: '/', host: 'library' }),
      url: (host, encodedPath) => `seedream-media://${host}/${encodedPath}`,
      ownHost: 'library',
    },
    {
      name: 'Chromium driver over HTTP',
      handler: createMediaHandler({ rootDir: root, mountPath: '/media/', host: '127.0.0.1:4100' }),
      url: (host, encodedPath) =>
        `http://${host === 'library' ? '127.0.0.1:4100' : host}/media/${encodedPath}`,
      ownHost: '127.0.0.1:4100',
    },
  ];
}

/** Sends one request; returns what came back, or null when no such request can even be made. */
async function attempt(mount: Mount, url: string): Promise<{ status: number; body: string } | null> {
  let request: Request;
  try {
    request = new Request(url);
  } catch {
    return null;
  }
  const response = await mount.handler(request);
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()).toString('latin1') };
}

describe('media handler traversal corpus', () => {
  it.each(['media scheme', 'Chromium driver over HTTP'])(
    'lets nothing outside the library out (%s)',
    { timeout: 60_000 },
    async (name) => {
      const mount = mounts().find((candidate) => candidate.name === name);
      if (!mount) throw new Error('no such mount');
      const escapes: string[] = [];
      const statuses = new Map<number, number>();
      let sent = 0;
      // Every climb on the library's own host; on any other host, even the library's real files must not come.
      const requests = [
        ...corpus().map((encodedPath) => mount.url('library', encodedPath)),
        ...hosts
          .filter((host) => host.toLowerCase() !== 'library')
          .flatMap((host) =>
            [...direct, `files/ab/${sha}.png`].map((encodedPath) => mount.url(host, encodedPath)),
          ),
      ];
      for (const url of requests) {
        {
          const answer = await attempt(mount, url);
          if (answer === null) continue;
          sent += 1;
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          if (answer.body.includes(marker)) escapes.push(url.slice(0, 160));
          if (answer.status === 200 && !new URL(url).host.toLowerCase().startsWith(mount.ownHost)) {
            escapes.push(`served for another host: ${url.slice(0, 160)}`);
          }
        }
      }
      expect(escapes).toEqual([]);
      expect(sent).toBeGreaterThan(8_000);
      // Refused (403) or not found (404), and nothing else: no 500 from an input the handler did not expect.
      expect([...statuses.keys()].sort()).toEqual([403, 404]);

      // The same handler still serves the library's own files, under either Unicode form of a name.
      for (const name of [`files/ab/${sha}.png`, 'files/caf%C3%A9.png']) {
        expect((await attempt(mount, mount.url('library', name)))?.status, name).toBe(200);
      }
      const decomposed = await attempt(mount, mount.url('library', 'files/cafe%CC%81.png'));
      expect([200, 404]).toContain(decomposed?.status);
    },
  );

  it('lets nothing out for random mixes of those pieces either', async () => {
    const [mount] = mounts();
    if (!mount) throw new Error('no mount');
    const piece = fc.constantFrom(
      ...dots,
      ...separators,
      ...targets,
      'files',
      'ab',
      `${sha}.png`,
      '.',
      '%00',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...hosts),
        fc.array(piece, { minLength: 1, maxLength: 12 }),
        async (host, pieces) => {
          const answer = await attempt(mount, mount.url(host, pieces.join('')));
          expect(answer?.body ?? '').not.toContain(marker);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
