import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batchOptions } from '../../src-main/cli/batch-command';
import { generateOptions } from '../../src-main/cli/generate-command';
import { checkOptions, listOptions } from '../../src-main/cli/library-commands';
import { useFakeCometApi } from '../support/fake-cometapi-server';
import { pngBytes } from '../library/fixtures';
import { sha256File } from '../support/sha256-file';
import { runCliInProcess } from './run-cli-in-process';
import { runCliProcess } from './run-cli-process';

const api = useFakeCometApi();
let home: string;
let library: string;

beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'seedream-cli-'));
  library = path.join(home, 'library');
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

/** No D-Bus here, so the keychain is unreachable: the key can only come from COMETAPI_KEY. */
function env(extra: Record<string, string> = {}): Record<string, string> {
  return { HOME: home, COMETAPI_KEY: api.fake.apiKey, ...extra };
}

function cli(args: string[], extra: Record<string, string> = {}) {
  return runCliProcess(args, env(extra));
}

/** The same command in this process (faster), with a keychain of its own. */
function cliInProcess(args: string[]) {
  return runCliInProcess(args, { env: env(), home });
}

interface GenerateJson {
  generationId: number;
  images: { id: number; path: string; sha256: string; width: number; height: number }[];
  usage: { generatedImages: number; outputTokens: number; totalTokens: number } | null;
}

function expectNoStackTrace(text: string): void {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

describe('command line', () => {
  it('generates into a library and prints one JSON object', async () => {
    const run = await cli([
      'generate',
      '--prompt',
      '一只猫 on a red roof',
      '--max-images',
      '2',
      '--base-url',
      api.fake.baseUrl,
      '--library',
      library,
      '--json',
    ]);
    expect(run.stderr).toContain('Generating');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as GenerateJson;
    expect(Object.keys(result).sort()).toEqual(['generationId', 'images', 'usage']);
    expect(result.usage).toEqual({ generatedImages: 2, outputTokens: 32_768, totalTokens: 32_768 });
    expect(result.images).toHaveLength(2);
    for (const image of result.images) {
      expect(Object.keys(image).sort()).toEqual(['height', 'id', 'path', 'sha256', 'width']);
      expect(path.isAbsolute(image.path)).toBe(true);
      expect(image.path.startsWith(library)).toBe(true);
      expect(await sha256File(image.path)).toBe(image.sha256);
      expect([image.width, image.height]).toEqual([96, 64]);
    }
    expect(api.fake.stats.generationPosts).toBe(1);
    expect(api.fake.stats.bodies[0]).toMatchObject({ prompt: '一只猫 on a red roof', watermark: false });

    const listed = await cli(['library', 'list', '--library', library, '--json']);
    expect(listed.code).toBe(0);
    const images = JSON.parse(listed.stdout) as Record<string, unknown>[];
    // Newest first: images of one generation are numbered in the order their files were saved.
    expect(images.map((image) => image.id)).toEqual(
      result.images.map((image) => image.id).sort((a, b) => b - a),
    );
    const first = result.images[0];
    expect(images.find((image) => image.id === first?.id)).toEqual({
      ...first,
      prompt: '一只猫 on a red roof',
      model: 'doubao-seedream-4-5-251128',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) as unknown,
    });

    const found = await cli(['library', 'search', '猫', '--library', library, '--json']);
    expect((JSON.parse(found.stdout) as unknown[]).length).toBe(2);
    const roof = await cli(['library', 'search', 'roofs', '--library', library, '--json', '--limit', '1']);
    expect((JSON.parse(roof.stdout) as unknown[]).length).toBe(1);
    const none = await cli(['library', 'search', 'dog', '--library', library, '--json']);
    expect(JSON.parse(none.stdout)).toEqual([]);

    const human = await cli(['library', 'list', '--library', library]);
    expect(human.stdout).toContain('96x64');
    expect(human.stdout).toContain(result.images[0]?.path);

    const check = await cli(['library', 'check', '--library', library, '--json']);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ images: 2, files: 2, missingFiles: 0, orphanFiles: 0 });
    const full = await cli(['library', 'check', '--full', '--library', library]);
    expect(full.stdout).toContain('Checked 2 images and 2 files (full: contents re-hashed).');
  });

  it('sends references, stores them in the library, and takes every generation option', async () => {
    const reference = path.join(home, 'ref.png');
    await writeFile(reference, await pngBytes(77, 64, 64));
    const run = await cli([
      'generate',
      '--prompt',
      'remix it',
      '--model',
      'doubao-seedream-5-0-260128',
      '--size',
      '2304x1728',
      '--ref',
      reference,
      '--ref',
      reference,
      '--response-format',
      'b64_json',
      '--output-format',
      'png',
      '--watermark',
      '--stream',
      '--base-url',
      api.fake.baseUrl,
      '--library',
      library,
      '--json',
    ]);
    expect(run.stderr).not.toContain('Error');
    expect(run.code).toBe(0);
    const body = api.fake.stats.bodies[0] ?? {};
    expect(body).toMatchObject({
      model: 'doubao-seedream-5-0-260128',
      size: '2304x1728',
      response_format: 'b64_json',
      output_format: 'png',
      watermark: true,
      stream: true,
    });
    const sent = body.image as string[];
    expect(sent).toHaveLength(2);
    expect(Buffer.from(sent[0]?.split(',')[1] ?? '', 'base64')).toEqual(await readFile(reference));
    const listed = JSON.parse((await cli(['library', 'list', '--library', library, '--json'])).stdout) as {
      prompt: string;
    }[];
    expect(listed.map((image) => image.prompt)).toEqual(['remix it', '']);
  });

  it('explains failures in one line, without a stack trace, and exits non-zero', async () => {
    const noKey = await runCliProcess(
      ['generate', '--prompt', 'x', '--base-url', api.fake.baseUrl, '--library', library],
      { HOME: home },
    );
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toMatch(/^Error: No API key for http:\/\/127\.0\.0\.1:\d+: set COMETAPI_KEY/m);
    expectNoStackTrace(noKey.stderr);

    const rejected = await cli([
      'generate',
      '--prompt',
      'x [fake:unauthorized]',
      '--base-url',
      api.fake.baseUrl,
      '--library',
      library,
    ]);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toMatch(/^Error: .*key/im);
    expect(rejected.stderr).not.toContain(api.fake.apiKey);
    expectNoStackTrace(rejected.stderr);

    const badSize = await cli(['generate', '--prompt', 'x', '--size', 'huge', '--library', library]);
    expect(badSize.code).toBe(2);
    expect(badSize.stderr).toContain('--size must be a preset such as 2K');

    const invalid = await cli([
      'generate',
      '--prompt',
      'x',
      '--size',
      '100x100',
      '--base-url',
      api.fake.baseUrl,
      '--library',
      library,
    ]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/^Error: 100x100 is too small/m);

    const missingPrompt = await cli(['generate', '--library', library]);
    expect(missingPrompt.code).toBe(2);
    expect(missingPrompt.stderr).toContain('--prompt is required.');

    const unknown = await cli(['library', 'list', '--colour']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--colour'");

    const noLibrary = await cli(['library', 'list', '--library', path.join(home, 'nothing')]);
    expect(noLibrary.code).toBe(1);
    expect(noLibrary.stderr).toBe(
      `Error: There is no Seedream Studio library in ${path.join(home, 'nothing')}.\n`,
    );
    expect(api.fake.stats.generationPosts).toBe(1);
  });

  it("sends COMETAPI_KEY only to a gateway the command names, never to the app's setting", async () => {
    const settingsDir = path.join(home, '.config', 'Seedream Studio');
    await mkdir(settingsDir, { recursive: true });
    await writeFile(
      path.join(settingsDir, 'settings.json'),
      JSON.stringify({ apiBaseUrl: api.fake.baseUrl }),
    );
    const fromSettings = await cliInProcess(['generate', '--prompt', 'x', '--library', library]);
    expect(fromSettings.code).toBe(1);
    expect(fromSettings.stderr).toMatch(/^Error: No API key for http:\/\/127\.0\.0\.1:\d+/m);
    expect(api.fake.stats.generationPosts + api.fake.stats.modelListings).toBe(0);

    const plainHttp = await cliInProcess(['generate', '--prompt', 'x', '--base-url', 'http://gw.example']);
    expect(plainHttp.code).toBe(2);
    expect(plainHttp.stderr).toContain('--base-url: Plain http:// would send your API key unencrypted');
  });

  it("uses the app's library folder by default", async () => {
    const run = await runCliProcess(['library', 'list'], { HOME: home });
    const expected = path.join(home, '.config', 'Seedream Studio', 'library');
    expect(run.stderr).toBe(`Error: There is no Seedream Studio library in ${expected}.\n`);
    const xdg = await runCliProcess(['library', 'check'], {
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, 'xdg'),
    });
    expect(xdg.stderr).toContain(path.join(home, 'xdg', 'Seedream Studio', 'library'));
  });

  it("writes what went wrong to logs/cli.log in the app's user-data folder", async () => {
    const run = await runCliProcess(['library', 'list'], { HOME: home });
    expect(run.code).toBe(1);
    const log = await readFile(path.join(home, '.config', 'Seedream Studio', 'logs', 'cli.log'), 'utf8');
    expect(log).toMatch(/\[warn\]\s+library list: not-found: There is no Seedream Studio library/);
  });

  it('documents every option in --help', async () => {
    const cases: [string[], Record<string, unknown>][] = [
      [['generate'], generateOptions],
      [['batch'], batchOptions],
      [['library', 'list'], listOptions],
      [['library', 'search'], listOptions],
      [['library', 'check'], checkOptions],
    ];
    for (const [command, options] of cases) {
      const run = await cli([...command, '--help']);
      expect(run.code).toBe(0);
      for (const name of Object.keys(options)) expect(run.stdout, command.join(' ')).toContain(`--${name}`);
    }
    const main = await cli(['--help']);
    expect(main.stdout).toContain('library search TEXT');
    expect(main.stdout).toContain('batch --file FILE');
  });
});
