import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nativeCodec } from '../support/codecs';
import { useFakeCometApi } from '../support/fake-cometapi-server';
import { runCliInProcess } from './run-cli-in-process';

const api = useFakeCometApi({ scenario: { count: 1 } });
let home: string;
let baseFile: string;
let baseBytes: Buffer;

beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'seedream-cli-edit-'));
  baseFile = path.join(home, 'base.png');
  baseBytes = await nativeCodec
    .sharp({ create: { width: 300, height: 200, channels: 3, background: { r: 9, g: 99, b: 199 } } })
    .png()
    .toBuffer();
  await writeFile(baseFile, baseBytes);
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

function cli(args: string[]) {
  return runCliInProcess(args, {
    env: { HOME: home, COMETAPI_KEY: api.fake.apiKey, SEEDREAM_API_BASE_URL: api.fake.baseUrl },
    home,
  });
}

describe('cli edit', () => {
  it('sends the base first with each box written into the prompt as its tag', async () => {
    const result = await cli([
      'edit',
      '--base',
      baseFile,
      '--prompt',
      'turn [[box 1]] into a window',
      '--box',
      '150,50,300,150',
      '--point',
      '30,20',
      '--model',
      'seedream-5-0-pro-260628',
      '--json',
    ]);
    expect(result.stderr).toContain('Image 1 saved');
    expect(result.code).toBe(0);
    expect(api.fake.stats.bodies[0]).toMatchObject({
      model: 'seedream-5-0-pro-260628',
      prompt: 'turn <bbox>500 250 999 749</bbox> into a window <point>100 100</point>',
      size: '2480x1648', // 3:2 within the pro model's 4.2 megapixels
    });
    expect(api.fake.stats.references[0]?.[0]?.bytes.equals(baseBytes)).toBe(true);
    const printed = JSON.parse(result.stdout) as { generationId: number };
    expect(printed.generationId).toBeGreaterThan(0);
  });

  it('refuses boxes for a model that does not read them, and malformed boxes, before sending', async () => {
    const refused = await cli(['edit', '--base', baseFile, '--prompt', 'a window', '--box', '1,2,3,4']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('does not read points and boxes');
    const malformed = await cli(['edit', '--base', baseFile, '--prompt', 'a window', '--box', '1,2,3']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('--box must be X1,Y1,X2,Y2 in pixels of the base, not "1,2,3".');
    const noBase = await cli(['edit', '--prompt', 'a window']);
    expect(noBase.code).toBe(2);
    expect(noBase.stderr).toContain('--base is required.');
    expect(api.fake.stats.generationPosts).toBe(0);
  });
});
