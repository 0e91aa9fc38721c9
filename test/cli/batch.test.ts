import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QueueSnapshot } from '../../src-preload/contract/queue';
import { openLibrary } from '../../src-main/library/library';
import { libraryDirIn } from '../../src-main/settings/user-data-layout';
import { startAppHarness } from '../app/app-harness';
import { useFakeCometApi } from '../support/fake-cometapi-server';
import { nativeCodec } from '../support/codecs';
import { runCliInProcess } from './run-cli-in-process';

const api = useFakeCometApi();
let home: string;
let library: string;

beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'seedream-batch-'));
  library = path.join(home, 'library');
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

function cli(args: string[]) {
  return runCliInProcess(args, { env: { HOME: home, COMETAPI_KEY: api.fake.apiKey }, home });
}

async function file(name: string, text: string): Promise<string> {
  const target = path.join(home, name);
  await writeFile(target, text);
  return target;
}

const base = () => ['--base-url', api.fake.baseUrl];

describe('batch from the command line', () => {
  it('queues every CSV row into the library queue and runs them', async () => {
    const csv = await file(
      'prompts.csv',
      'prompt,max_images,sequential\n"城市夜景，霓虹灯",2,auto\n"a lighthouse, at dusk",,\nplain,,\n',
    );
    const result = await cli(['batch', '--file', csv, '--library', library, '--json', ...base()]);
    expect(result.stderr).toContain('Queued 3 request(s); sending 2 at a time.');
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as { batch: string; items: { state: string; saved: number }[] };
    expect(output.items.map((item) => [item.state, item.saved])).toEqual([
      ['done', 2],
      ['done', 1],
      ['done', 1],
    ]);
    expect(api.fake.stats.bodies.map((body) => body.prompt).sort()).toEqual(
      ['a lighthouse, at dusk', 'plain', '城市夜景，霓虹灯'].sort(),
    );
    const opened = await openLibrary({ dir: library, codec: nativeCodec });
    expect(opened.queue.list().every((item) => item.batch === output.batch)).toBe(true);
    expect(opened.images.list({ query: '霓虹' }).items).toHaveLength(2);
    opened.close();
  });

  it('reads a text file as one prompt per line', async () => {
    const text = await file('prompts.txt', '\uFEFFone\r\n\r\n二\n');
    const result = await cli(['batch', '--file', text, '--library', library, ...base()]);
    expect(result).toMatchObject({ code: 0, stdout: '2 of 2 done.\n' });
  });

  it('lists bad rows by line and queues nothing, unless told to skip them', async () => {
    const csv = await file('bad.csv', 'prompt,max_images\nfine,1\nnope,99\n"open,1\n');
    const refused = await cli(['batch', '--file', csv, '--library', library, ...base()]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^Line 3: maxImages: /m);
    expect(refused.stderr).toMatch(/^Line 4: Quoted field unterminated/m);
    expect(refused.stderr).toContain('has 2 bad row(s); fix them or pass --skip-bad-rows.');
    expect(api.fake.stats.generationPosts).toBe(0);
    const skipped = await cli(['batch', '--file', csv, '--library', library, '--skip-bad-rows', ...base()]);
    expect(skipped).toMatchObject({ code: 0, stdout: '1 of 1 done.\n' });
  });

  it('says what is wrong with the file itself', async () => {
    expect((await cli(['batch', '--library', library])).stderr).toContain('--file is required.');
    const missing = await cli(['batch', '--file', path.join(home, 'none.csv'), '--library', library]);
    expect(missing.stderr).toContain('none.csv cannot be read.');
    const empty = await cli(['batch', '--file', await file('empty.txt', '\n\n'), '--library', library]);
    expect(empty).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('has no request to queue') as string,
    });
  });

  it('leaves a --queue-only batch to the app, which shows it and runs it', async () => {
    const userDataDir = path.join(home, 'user-data');
    const csv = await file('later.csv', 'prompt\nfirst\nsecond\n');
    const queued = await cli([
      'batch',
      '--file',
      csv,
      '--library',
      libraryDirIn(userDataDir),
      '--queue-only',
    ]);
    expect(queued).toMatchObject({ code: 0, stdout: 'Queued 2 request(s).\n' });
    expect(api.fake.stats.generationPosts).toBe(0);
    const app = await startAppHarness({
      apiBaseUrl: api.fake.baseUrl,
      env: { COMETAPI_KEY: api.fake.apiKey },
      userDataDir,
    });
    try {
      const last = () =>
        app.events.filter((entry) => entry.event === 'queue:changed').at(-1)?.payload as
          QueueSnapshot | undefined;
      await expect
        .poll(
          () =>
            last()
              ?.items.map((item) => `${item.request?.prompt ?? ''}: ${item.state}`)
              .sort(),
          {
            timeout: 20_000,
          },
        )
        .toEqual(['first: done', 'second: done']);
    } finally {
      await app.close();
    }
  });

  it('shows a batch the command line runs while the app is open', async () => {
    const userDataDir = path.join(home, 'user-data');
    const app = await startAppHarness({ apiBaseUrl: api.fake.baseUrl, userDataDir });
    try {
      // The app's own queue is paused; the command line runs what it was given regardless.
      await app.value('queue:pause');
      const csv = await file('now.csv', 'prompt\nfrom the terminal\n');
      const result = await cli(['batch', '--file', csv, '--library', libraryDirIn(userDataDir), ...base()]);
      expect(result.code).toBe(0);
      const last = () =>
        app.events.filter((entry) => entry.event === 'queue:changed').at(-1)?.payload as
          QueueSnapshot | undefined;
      await expect
        .poll(() => last()?.items.map((item) => [item.request?.prompt, item.state]), { timeout: 5_000 })
        .toEqual([['from the terminal', 'done']]);
    } finally {
      await app.close();
    }
  });
});
