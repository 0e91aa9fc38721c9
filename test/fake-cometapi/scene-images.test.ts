import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { z } from 'zod';
import { useFakeCometApi } from '../support/fake-cometapi-server';
import { fakeApiKey, type FakeScenario } from './fake-cometapi';
import { fakeImage } from './noise-images';

const answer = z.object({ data: z.array(z.object({ b64_json: z.string() })) });

const api = useFakeCometApi();

async function generate(scenario: FakeScenario, count: number): Promise<Buffer[]> {
  api.fake.setScenario(scenario);
  const response = await fetch(`${api.fake.baseUrl}/v1/images/generations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${fakeApiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'doubao-seedream-4-5-251128',
      prompt: 'four moments of a day',
      response_format: 'b64_json',
      sequential_image_generation: 'auto',
      sequential_image_generation_options: { max_images: count },
    }),
  });
  const body = answer.parse(await response.json());
  return body.data.map((item) => Buffer.from(item.b64_json, 'base64'));
}

/** Mean difference between horizontal neighbours: near zero for a smooth picture, large for static. */
async function roughness(image: Buffer): Promise<number> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let sum = 0;
  let pairs = 0;
  for (let row = 0; row < info.height; row += 1) {
    for (let byte = info.channels; byte < info.width * info.channels; byte += 1) {
      const at = row * info.width * info.channels + byte;
      sum += Math.abs((data[at] ?? 0) - (data[at - info.channels] ?? 0));
      pairs += 1;
    }
  }
  return sum / pairs;
}

async function pixels(image: Buffer): Promise<Buffer> {
  return sharp(image).removeAlpha().raw().toBuffer();
}

describe('fake CometAPI image patterns', () => {
  it('serves noise unless a scenario asks for scenes', async () => {
    const [image] = await generate({ image: { width: 320, height: 240 } }, 1);
    expect(image).toBeDefined();
    expect(await roughness(image ?? Buffer.alloc(0))).toBeGreaterThan(40);
  });

  it('serves smooth scenes of the asked size, a different one for each image of a sequence', async () => {
    const images = await generate({ image: { width: 320, height: 240, pattern: 'scene' } }, 4);
    expect(images).toHaveLength(4);
    const seen = new Set<string>();
    for (const image of images) {
      const meta = await sharp(image).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 320, 240]);
      expect(await roughness(image)).toBeLessThan(4);
      seen.add((await pixels(image)).toString('base64'));
    }
    expect(seen.size).toBe(4);
  });

  it('draws the same scene for the same index, in distinct files', async () => {
    const spec = { format: 'png' as const, width: 200, height: 150, pattern: 'scene' as const };
    const first = await fakeImage(spec, 2, 'first');
    const second = await fakeImage(spec, 2, 'second');
    const firstBytes = Buffer.concat(first.parts);
    const secondBytes = Buffer.concat(second.parts);
    expect(firstBytes.equals(secondBytes)).toBe(false);
    expect((await pixels(firstBytes)).equals(await pixels(secondBytes))).toBe(true);
  });
});
