import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  emptyEditDocument,
  type EditDocument,
  type Mark,
  type Region,
} from '../../src-preload/contract/edit';
import type { InputOf, OutputOf } from '../../src-preload/contract/ipc';
import type { AppError } from '../../src-preload/contract/errors';
import { nativeCodec } from '../support/codecs';
import { useFakeCometApi } from '../support/fake-cometapi-server';
import { startAppHarness, type AppHarness } from './app-harness';

const api = useFakeCometApi({ scenario: { count: 1 } });
let app: AppHarness;
let baseId: number;
let otherId: number;
const base = { width: 300, height: 200 };
const grey = { r: 120, g: 120, b: 120 };

beforeAll(async () => {
  app = await startAppHarness({ apiBaseUrl: api.fake.baseUrl });
  await app.value('key:save', { key: api.fake.apiKey, sessionOnly: true });
  const png = await nativeCodec
    .sharp({ create: { ...base, channels: 3, background: grey } })
    .png()
    .toBuffer();
  baseId = (await app.value('references:add', { name: 'base.png', bytes: new Uint8Array(png) })).image.id;
  const other = await nativeCodec
    .sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 0, g: 0, b: 255 } } })
    .png()
    .toBuffer();
  otherId = (await app.value('references:add', { name: 'other.png', bytes: new Uint8Array(other) })).image.id;
});

afterAll(async () => {
  await app.close();
});

const rectangle: Mark = {
  kind: 'rectangle',
  from: { x: 60, y: 40 },
  to: { x: 200, y: 150 },
  color: '#ff3b30',
  width: 'thick',
};
const box: Region = { kind: 'box', id: 1, from: { x: 150, y: 50 }, to: { x: 300, y: 150 } };

function document(partial: Partial<EditDocument>): EditDocument {
  return { ...emptyEditDocument(base), ...partial };
}

function applyInput(
  partial: Partial<InputOf<'edit:apply'>> & { document: EditDocument; prompt?: string; model?: string },
): InputOf<'edit:apply'> {
  const { prompt = 'make the boxed part a window', model = 'doubao-seedream-4-5-251128', ...rest } = partial;
  return { baseId, referenceIds: [], textLayers: [], request: { model, prompt }, ...rest };
}

async function finished(applied: OutputOf<'edit:apply'>) {
  await expect
    .poll(
      async () => (await app.value('generation:jobs')).find((job) => job.jobId === applied.job.jobId)?.phase,
      {
        timeout: 20_000,
      },
    )
    .toBe('done');
}

async function failure(input: InputOf<'edit:apply'>): Promise<AppError> {
  const result = await app.call('edit:apply', input);
  if (result.ok) throw new Error('expected the edit to be refused');
  return result.error;
}

async function pixels(bytes: Buffer) {
  const { data, info } = await nativeCodec.sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  return (x: number, y: number) => {
    const at = (y * info.width + x) * info.channels;
    return [data[at], data[at + 1], data[at + 2]];
  };
}

describe('applying an edit', () => {
  it('sends the marked copy first, keeps the base untouched, and links base, copy and result', async () => {
    const applied = await app.value(
      'edit:apply',
      applyInput({ document: document({ marks: [rectangle] }), referenceIds: [otherId] }),
    );
    await finished(applied);
    expect(api.fake.stats.generationPosts).toBe(1);
    expect(applied.prompt).toBe('make the boxed part a window Remove the marks drawn on the image.');
    expect(api.fake.stats.bodies[0]).toMatchObject({ prompt: applied.prompt });

    const [sent, other] = api.fake.stats.references[0] ?? [];
    if (!sent || !other) throw new Error('expected two references');
    expect(sent.format).toBe('png');
    const marked = await pixels(sent.bytes);
    expect(marked(60, 100)[0]).toBeGreaterThan(200); // on the left side of the stroke
    expect(marked(60, 100)[1]).toBeLessThan(100);
    expect(marked(130, 95)).toEqual([grey.r, grey.g, grey.b]); // inside the rectangle
    expect(marked(280, 190)).toEqual([grey.r, grey.g, grey.b]);
    expect((await pixels(other.bytes))(5, 5)).toEqual([0, 0, 255]);

    const result = (await app.value('generation:jobs'))[0]?.slots[0]?.image;
    if (!result) throw new Error('expected a result');
    const detail = await app.value('library:detail', { id: result.id });
    expect(detail.references.map((image) => image.id)).toEqual([applied.sent.id, otherId]);
    const copy = await app.value('library:detail', { id: applied.sent.id });
    expect(copy.references.map((image) => image.id)).toEqual([baseId]);
    const original = await app.value('library:detail', { id: baseId });
    expect(original.image.sha256).not.toBe(applied.sent.sha256);

    const reopened = await app.value('edit:reopen', { generationId: result.generationId ?? 0 });
    expect(reopened.base.id).toBe(baseId);
    expect(reopened.marked?.id).toBe(applied.sent.id);
    expect(reopened.references.map((image) => image.id)).toEqual([otherId]);
    expect(reopened.document).toEqual(document({ marks: [rectangle] }));
    expect(reopened.request).toMatchObject({
      model: 'doubao-seedream-4-5-251128',
      prompt: 'make the boxed part a window',
    });
  });

  it('writes a region as its tag for a model that reads them, and sends the base itself when nothing is drawn', async () => {
    const applied = await app.value(
      'edit:apply',
      applyInput({
        document: document({ regions: [box] }),
        prompt: 'turn [[box 1]] into a window',
        model: 'seedream-5-0-pro-260628',
      }),
    );
    await finished(applied);
    expect(applied.sent.id).toBe(baseId);
    expect(api.fake.stats.bodies[0]).toMatchObject({
      prompt: 'turn <bbox>500 250 999 749</bbox> into a window',
    });
    const result = (await app.value('generation:jobs'))[0]?.slots[0]?.image;
    const reopened = await app.value('edit:reopen', { generationId: result?.generationId ?? 0 });
    expect(reopened.marked).toBeNull();
    expect(reopened.document.regions).toEqual([box]);
    expect(reopened.request.prompt).toBe('turn [[box 1]] into a window');
  });

  it('lists the edits made from the base for its versions, each with its picture', async () => {
    const versions = await app.value('edit:versions', { imageId: baseId });
    expect(versions).toHaveLength(2);
    const jobs = await app.value('generation:jobs');
    expect(versions.map((version) => version.generationId).sort()).toEqual(
      jobs.map((job) => job.generationId).sort(),
    );
    for (const version of versions) {
      expect(version).toMatchObject({ baseImageId: baseId, running: false, error: null });
      expect(version.image?.thumbSrc).toBeTruthy();
    }
    expect(await app.call('edit:versions', { imageId: 99_999 })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('refuses, before anything is stored or sent, what cannot be sent', async () => {
    const regionsElsewhere = await failure(
      applyInput({ document: document({ regions: [box] }), prompt: 'turn [[box 1]] into a window' }),
    );
    expect(regionsElsewhere).toMatchObject({ code: 'invalid-input', field: 'prompt' });
    expect(regionsElsewhere.message).toContain('does not read points and boxes');
    const wrongSize = await failure(
      applyInput({
        document: { ...document({ marks: [rectangle] }), baseSize: { width: 200, height: 300 } },
      }),
    );
    expect(wrongSize.message).toBe('The edit was drawn on a 200x300 image, but the base is 300x200.');
    expect((await failure(applyInput({ document: document({}), prompt: '' }))).field).toBe('prompt');
    expect((await failure(applyInput({ document: document({}), baseId: 99_999 }))).code).toBe('not-found');
    expect(api.fake.stats.generationPosts).toBe(0);
    const reopen = await app.call('edit:reopen', { generationId: 99_999 });
    expect(reopen).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('a phone photo turned by its EXIF orientation', () => {
  it('is stored at the size it is shown, so marks drawn on it are flattened where they were drawn', async () => {
    // Stored 300x200 with orientation 6 (turn a quarter clockwise): every viewer shows it 200x300.
    const jpeg = await nativeCodec
      .sharp({ create: { ...base, channels: 3, background: grey } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const photo = (await app.value('references:add', { name: 'phone.jpg', bytes: new Uint8Array(jpeg) }))
      .image;
    expect([photo.width, photo.height]).toEqual([200, 300]);
    const posts = api.fake.stats.generationPosts;
    const applied = await app.value('edit:apply', {
      ...applyInput({
        document: { ...emptyEditDocument({ width: 200, height: 300 }), marks: [rectangle] },
      }),
      baseId: photo.id,
    });
    await finished(applied);
    expect(api.fake.stats.generationPosts).toBe(posts + 1);
    const sent = api.fake.stats.references.at(-1)?.[0];
    if (!sent) throw new Error('expected the marked copy');
    const marked = await pixels(sent.bytes);
    expect(marked(60, 100)[0]).toBeGreaterThan(200); // the stroke, where it was drawn on the upright photo
    expect(marked(190, 280)[0]).toBeLessThan(160); // far from it, the photo
  });
});
