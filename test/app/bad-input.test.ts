import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/run-cli';
import { MemorySecretStore } from '../../src-main/keychain/secret-store';
import { silentLogger } from '../../src-main/logging/logger';
import { useFakeCometApi } from '../support/fake-cometapi-server';
import { pngBytes } from '../library/fixtures';
import { pngBomb } from '../media/png-bomb';
import { nativeCodec } from '../support/codecs';
import { startAppHarness, type AppHarness } from './app-harness';

// The last test checks that nothing the whole file sent reached the API.
const api = useFakeCometApi({ freshEachTest: false });
let app: AppHarness;
// Made when the module loads, since the table below names the FIFO.
const scratch = mkdtempSync(path.join(tmpdir(), 'bad-input-'));
const fifo = path.join(scratch, 'photo.png');
let baselineRss: number;
let peakRss = 0;

beforeAll(async () => {
  app = await startAppHarness({ apiBaseUrl: api.fake.baseUrl, env: { COMETAPI_KEY: api.fake.apiKey } });
  // A real FIFO under the very name a file claims: anything that opened the name instead of using the bytes
  // would wait here for ever.
  if (process.platform !== 'win32') execFileSync('mkfifo', [fifo]);
  baselineRss = process.memoryUsage().rss;
});

afterAll(async () => {
  await app.close();
  await rm(scratch, { recursive: true, force: true });
});

const mb = 1024 * 1024;
const text = (content: string) => new Uint8Array(Buffer.from(content));
const svgWithReference = text(
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><image href="file:///etc/passwd" width="64" height="64"/></svg>',
);

interface BadFile {
  what: string;
  name: string;
  bytes: () => Uint8Array | Promise<Uint8Array>;
  /** What the user reads when the file is sent as a reference, and when it is imported into the library. */
  reference: RegExp | string;
  imported: RegExp | string;
}

const badFiles: BadFile[] = [
  {
    what: 'a 0-byte file',
    name: 'empty.png',
    bytes: () => new Uint8Array(0),
    reference: 'empty.png is empty (0 bytes).',
    imported: 'empty.png is empty (0 bytes).',
  },
  {
    what: 'text named .png',
    name: 'notes.png',
    bytes: () => text('just some notes, not a picture'),
    reference: /^notes\.png: This file is not an image that can be used as a reference/,
    imported: 'notes.png: This is not a PNG, JPEG, WebP, GIF, BMP or TIFF image.',
  },
  {
    what: 'an SVG with an external reference',
    name: 'drawing.svg',
    bytes: () => svgWithReference,
    reference: /^drawing\.svg: This SVG drawing refers to other files, addresses or scripts/,
    imported: 'drawing.svg: This is not a PNG, JPEG, WebP, GIF, BMP or TIFF image.',
  },
  {
    what: 'a decompression bomb',
    name: 'bomb.png',
    bytes: () => new Uint8Array(pngBomb(20_000, 20_000)),
    reference:
      'bomb.png: It is 20000 x 20000 pixels (400.0 megapixels); images over 100 megapixels are not accepted.',
    imported:
      'bomb.png: It is 20000 x 20000 pixels (400.0 megapixels); images over 100 megapixels are not accepted.',
  },
  {
    what: 'an oversized file',
    name: 'huge.jpg',
    bytes: () => new Uint8Array(60 * mb),
    reference: 'huge.jpg is 60.0 MB; files over 50.0 MB are not accepted.',
    imported: 'huge.jpg is 60.0 MB; files over 50.0 MB are not accepted.',
  },
  {
    what: 'a FIFO-like name over bytes that are not an image',
    name: fifo,
    bytes: () => new Uint8Array(4096),
    reference: /: This file is not an image that can be used as a reference/,
    imported: /: This is not a PNG, JPEG, WebP, GIF, BMP or TIFF image\.$/,
  },
  {
    what: 'a Windows device and pipe name',
    name: '\\\\.\\pipe\\CON.png',
    bytes: () => text('CON'),
    reference: /^\\\\\.\\pipe\\CON\.png: This file is not an image/,
    imported: /^\\\\\.\\pipe\\CON\.png: This is not a PNG/,
  },
  {
    what: 'a non-ASCII name with a direction override',
    name: '猫の写真 🐱\u202Egnp.exe',
    bytes: () => text('<html>not an image</html>'),
    reference: /^猫の写真 🐱\uFFFDgnp\.exe: This file is not an image/,
    imported: /^猫の写真 🐱\uFFFDgnp\.exe: This is not a PNG/,
  },
];

function sampleMemory(): void {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}

async function messageOf(channel: string, input: unknown): Promise<string> {
  const result = await app.call(channel, input);
  sampleMemory();
  if (result.ok) throw new Error(`${channel} accepted what it should refuse`);
  expect(Object.keys(result.error).sort()).toEqual(expect.arrayContaining(['code', 'message']));
  expect(result.error.code).not.toBe('internal');
  return result.error.message;
}

async function importedMessage(name: string, bytes: Uint8Array): Promise<string> {
  const result = await app.call('library:import', { files: [{ name, bytes }] });
  sampleMemory();
  if (!result.ok) return result.error.message;
  const [outcome] = result.value as { image: unknown; error: { message: string } | null }[];
  expect(outcome?.image).toBeNull();
  return outcome?.error?.message ?? 'imported';
}

describe('bad input, each refused by name with a clear message', () => {
  it.each(badFiles)('$what: refused as a reference and as an import', async (bad) => {
    const bytes = await bad.bytes();
    const asReference = await messageOf('references:add', { name: bad.name, bytes });
    const asImport = await importedMessage(bad.name, bytes);
    for (const [message, expected] of [
      [asReference, bad.reference],
      [asImport, bad.imported],
    ] as const) {
      if (typeof expected === 'string') expect(message).toBe(expected);
      else expect(message).toMatch(expected);
    }
  });

  it('refuses 15 references at once, and a call whose files add up to over 200 MB', async () => {
    const ids = Array.from({ length: 15 }, (_, index) => index + 1);
    expect(
      await messageOf('generation:start', {
        request: { model: 'doubao-seedream-4-5-251128', prompt: 'fifteen' },
        referenceIds: ids,
      }),
    ).toBe('referenceIds: At most 14 reference images can be sent with one request.');
    const files = Array.from({ length: 5 }, (_, index) => ({
      name: `part-${index}.png`,
      bytes: new Uint8Array(45 * mb),
    }));
    expect(await messageOf('library:import', { files })).toBe(
      'These 5 files add up to 225.0 MB; at most 200.0 MB can be added at once.',
    );
  });

  it.runIf(process.platform !== 'win32')(
    'refuses a FIFO named on the command line instead of waiting on it',
    async () => {
      let stderr = '';
      const code = await runCli(
        ['generate', '--prompt', 'x', '--ref', fifo, '--base-url', api.fake.baseUrl, '--library', scratch],
        {
          stdout: () => undefined,
          stderr: (line) => (stderr += line),
          env: { COMETAPI_KEY: api.fake.apiKey },
          platform: 'linux',
          homedir: scratch,
          signal: new AbortController().signal,
          imageCodec: () => nativeCodec,
          secretStore: new MemorySecretStore(),
          log: silentLogger,
        },
      );
      expect(code).toBe(1);
      expect(stderr).toBe(
        `Error: ${fifo} is not a regular file (a folder, device or pipe), so it is not read.\n`,
      );
    },
  );

  it('added nothing, sent nothing, and kept memory bounded', async () => {
    expect(await app.value('library:stats')).toMatchObject({ images: 0, generations: 0 });
    expect(api.fake.stats.generationPosts).toBe(0);
    // The largest input is 225 MB held by this test itself; main adds no copy of that size on top.
    expect(peakRss - baselineRss).toBeLessThan(600 * mb);
    // A regular file still imports: the refusals above are about the inputs, not a broken library.
    const [outcome] = await app.value('library:import', {
      files: [{ name: 'fine.png', bytes: new Uint8Array(await pngBytes(7)) }],
    });
    expect(outcome).toMatchObject({ error: null, duplicate: false });
  });
});
