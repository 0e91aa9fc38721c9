import { describe, expect, it } from 'vitest';
import {
  runGeneration,
  type EngineEvent,
  type GenerationOutcome,
} from '../../src-main/generation/run-generation';
import { sha256File } from '../support/sha256-file';
import { engineOptions, filesIn, request, useFakeApi } from './harness';

const api = useFakeApi();

function savedImages(outcome: GenerationOutcome) {
  return outcome.images.flatMap((slot) => ('image' in slot ? [slot.image] : []));
}

async function expectSavedAsGenerated(outcome: GenerationOutcome) {
  const saved = savedImages(outcome);
  for (const image of saved) expect(await sha256File(image.tmpPath)).toBe(image.sha256);
  expect(saved.map((image) => image.sha256).sort()).toEqual(
    api.fake.stats.generatedSha256.filter((hash) => saved.some((image) => image.sha256 === hash)).sort(),
  );
  expect(new Set(saved.map((image) => image.sha256)).size).toBe(saved.length);
}

describe('runGeneration, URL results', () => {
  it('downloads every image byte for byte, without the Authorization header, after announcing its link', async () => {
    const events: EngineEvent[] = [];
    const outcome = await runGeneration(
      engineOptions(api, events, { request: request({ sequential: 'auto', maxImages: 3 }) }),
    );

    expect(outcome.images.map((slot) => slot.index)).toEqual([0, 1, 2]);
    expect(savedImages(outcome)).toHaveLength(3);
    for (const image of savedImages(outcome)) {
      expect(image).toMatchObject({ format: 'jpeg', width: 96, height: 64 });
      expect(image.tmpPath.startsWith(api.tmpDir)).toBe(true);
    }
    await expectSavedAsGenerated(outcome);
    expect(api.fake.stats.generationPosts).toBe(1);
    expect(api.fake.stats.downloads).toBe(3);
    expect(api.fake.stats.accessDenied).toBe(0);
    expect(api.fake.stats.downloadAuthorization).toEqual([undefined, undefined, undefined]);

    const announced = events.flatMap((event) => (event.type === 'result-url' ? [event.url] : []));
    expect(announced.sort()).toEqual([...api.fake.issuedUrls].sort());
    for (const index of [0, 1, 2]) {
      const linkAt = events.findIndex((event) => event.type === 'result-url' && event.index === index);
      const savedAt = events.findIndex((event) => event.type === 'image-saved' && event.index === index);
      expect(linkAt).toBeGreaterThanOrEqual(0);
      expect(savedAt).toBeGreaterThan(linkAt);
    }
    expect(events.slice(0, 2)).toEqual([{ type: 'sending', attempt: 1 }, { type: 'waiting' }]);
    expect(outcome.usage).toEqual({ generatedImages: 3, outputTokens: 3 * 16_384, totalTokens: 3 * 16_384 });
    expect(outcome.params).toMatchObject({ model: 'doubao-seedream-4-5-251128', watermark: false });
    expect(await filesIn(api.tmpDir)).toHaveLength(3);
  });

  it('sends references as an image array of data URIs and the pro model no sequence fields', async () => {
    const references = ['data:image/png;base64,iVBORw0KGgo=', 'data:image/jpeg;base64,/9j/4AAQSkZJRg=='];
    await runGeneration(
      engineOptions(api, [], {
        request: request({ model: 'seedream-5-0-pro-260628', size: '2K', watermark: true, stream: true }),
        references,
      }),
    );
    const [body] = api.fake.stats.bodies;
    expect(body).toMatchObject({ model: 'seedream-5-0-pro-260628', image: references, watermark: true });
    expect(body).not.toHaveProperty('stream');
    expect(body).not.toHaveProperty('sequential_image_generation');
  });

  it('downloads all the images of a 15-image sequence at once', async () => {
    // About 2 kB each at 4 kB/s per connection: each download lasts long enough for all of them to overlap.
    api.fake.setScenario({ connectionBytesPerSecond: 4_000 });
    const outcome = await runGeneration(
      engineOptions(api, [], { request: request({ sequential: 'auto', maxImages: 15 }) }),
    );
    expect(savedImages(outcome)).toHaveLength(15);
    expect(api.fake.stats.peakParallelDownloads).toBe(15);
  });

  it('gives each link an expiry 24 hours after creation', async () => {
    const events: EngineEvent[] = [];
    const outcome = await runGeneration(engineOptions(api, events));
    const link = events.find((event) => event.type === 'result-url');
    expect(link).toMatchObject({
      expiresAt: outcome.created * 1000 + 24 * 3_600_000,
      size: { width: 96, height: 64 },
    });
  });

  it('marks only the failed slot when one image is withheld', async () => {
    api.fake.setScenario({ failIndices: [1] });
    const events: EngineEvent[] = [];
    const outcome = await runGeneration(
      engineOptions(api, events, { request: request({ sequential: 'auto', maxImages: 3 }) }),
    );
    expect(outcome.images[1]).toEqual({
      index: 1,
      error: expect.objectContaining({ code: 'content-rejected' }) as unknown,
    });
    expect(savedImages(outcome)).toHaveLength(2);
    expect(events).toContainEqual({ type: 'image-failed', index: 1, error: expect.anything() as unknown });
  });

  it('refuses an image whose size is not the size the answer stated', async () => {
    api.fake.setScenario({ wrongStatedSize: true });
    const outcome = await runGeneration(engineOptions(api, []));
    expect(outcome.images).toEqual([
      { index: 0, error: expect.objectContaining({ code: 'invalid-image' }) as unknown },
    ]);
    expect(await filesIn(api.tmpDir)).toEqual([]);
  });
});

describe('runGeneration, base64 results', () => {
  it('decodes each image straight to a verified file', async () => {
    const events: EngineEvent[] = [];
    const outcome = await runGeneration(
      engineOptions(api, events, {
        request: request({ responseFormat: 'b64_json', sequential: 'auto', maxImages: 4 }),
      }),
    );
    expect(savedImages(outcome)).toHaveLength(4);
    await expectSavedAsGenerated(outcome);
    expect(events.some((event) => event.type === 'result-url')).toBe(false);
    expect(api.fake.stats.downloads).toBe(0);
    expect(await filesIn(api.tmpDir)).toHaveLength(4);
  });

  it('decodes PNG results and base64 written with escaped slashes', async () => {
    api.fake.setScenario({ escapeSlashes: true, image: { width: 700, height: 500 } });
    const outcome = await runGeneration(
      engineOptions(api, [], {
        request: request({
          model: 'doubao-seedream-5-0-260128',
          size: '2K',
          outputFormat: 'png',
          responseFormat: 'b64_json',
        }),
      }),
    );
    expect(savedImages(outcome)).toEqual([
      expect.objectContaining({ format: 'png', width: 700, height: 500 }),
    ]);
    await expectSavedAsGenerated(outcome);
  });

  it('keeps the other images when one base64 item is an error', async () => {
    api.fake.setScenario({ failIndices: [0] });
    const outcome = await runGeneration(
      engineOptions(api, [], {
        request: request({ responseFormat: 'b64_json', sequential: 'auto', maxImages: 2 }),
      }),
    );
    expect(outcome.images.map((slot) => ('image' in slot ? 'image' : slot.error.code))).toEqual([
      'content-rejected',
      'image',
    ]);
    expect(await filesIn(api.tmpDir)).toHaveLength(1);
  });
});

describe('runGeneration, progressive results', () => {
  it('saves and announces each streamed image as its event arrives, then the usage', async () => {
    api.fake.setScenario({ delayMs: 30 });
    const events: EngineEvent[] = [];
    const outcome = await runGeneration(
      engineOptions(api, events, {
        request: request({ stream: true, sequential: 'auto', maxImages: 3 }),
      }),
    );
    expect(api.fake.stats.bodies[0]).toMatchObject({ stream: true });
    expect(savedImages(outcome)).toHaveLength(3);
    await expectSavedAsGenerated(outcome);
    const kinds = events.map((event) => event.type);
    expect(kinds.indexOf('image-saved')).toBeLessThan(kinds.indexOf('usage'));
    expect(outcome.usage?.generatedImages).toBe(3);
    expect(outcome.interrupted).toBeNull();
  });

  it('streams base64 images to files and marks a failed slot', async () => {
    api.fake.setScenario({ failIndices: [1] });
    const events: EngineEvent[] = [];
    const outcome = await runGeneration(
      engineOptions(api, events, {
        request: request({ stream: true, responseFormat: 'b64_json', sequential: 'auto', maxImages: 3 }),
      }),
    );
    expect(outcome.images.map((slot) => ('image' in slot ? 'image' : slot.error.code))).toEqual([
      'image',
      'content-rejected',
      'image',
    ]);
    await expectSavedAsGenerated(outcome);
  });

  it('accepts a plain JSON answer when streaming was asked for', async () => {
    api.fake.setScenario({ ignoreStream: true });
    const outcome = await runGeneration(
      engineOptions(api, [], {
        request: request({ stream: true, sequential: 'auto', maxImages: 2 }),
      }),
    );
    expect(savedImages(outcome)).toHaveLength(2);
    expect(outcome.interrupted).toBeNull();
  });

  it('keeps the images saved before the stream broke and says it was interrupted', async () => {
    api.fake.setScenario({ posts: [{ kind: 'drop-mid-body' }] });
    const events: EngineEvent[] = [];
    const outcome = await runGeneration(
      engineOptions(api, events, {
        request: request({ stream: true, sequential: 'auto', maxImages: 3 }),
      }),
    );
    expect(savedImages(outcome)).toHaveLength(1);
    expect(outcome.interrupted?.code).toBe('connection-lost');
    expect(api.fake.stats.generationPosts).toBe(1);
  });

  it('reports an error event that ends the stream', async () => {
    api.fake.setScenario({ posts: [{ kind: 'stream-error', afterImages: 2, code: 'InternalServiceError' }] });
    const outcome = await runGeneration(
      engineOptions(api, [], {
        request: request({ stream: true, sequential: 'auto', maxImages: 4 }),
      }),
    );
    expect(savedImages(outcome)).toHaveLength(2);
    expect(outcome.interrupted?.code).toBe('server-error');
  });
});
