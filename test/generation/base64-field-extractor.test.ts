import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Base64FieldExtractor, ordinalOfPlaceholder } from '../../src-main/generation/base64-field-extractor';

interface Extracted {
  text: string;
  values: Buffer[];
}

/** Feeds `input` in pieces of `step` bytes, so every state is crossed by a chunk boundary somewhere. */
async function extract(input: string, step: number): Promise<Extracted> {
  const values: Buffer[][] = [];
  const text: Buffer[] = [];
  const extractor = new Base64FieldExtractor({
    openValue: (ordinal) => {
      values[ordinal] = [];
      return { write: (bytes) => void values[ordinal]?.push(Buffer.from(bytes)) };
    },
    closeValue: () => undefined,
    text: (bytes) => text.push(Buffer.from(bytes)),
  });
  const bytes = Buffer.from(input);
  for (let offset = 0; offset < bytes.length; offset += step)
    await extractor.push(bytes.subarray(offset, offset + step));
  expect(extractor.inValue).toBe(false);
  return { text: Buffer.concat(text).toString(), values: values.map((parts) => Buffer.concat(parts)) };
}

const steps = [1, 2, 3, 5, 7, 64, 100_000];

describe('Base64FieldExtractor', () => {
  it.each(steps)('decodes every value and leaves parseable JSON (pieces of %i bytes)', async (step) => {
    const images = [randomBytes(1000), randomBytes(1), randomBytes(2), randomBytes(0)];
    const body = JSON.stringify({
      created: 1,
      data: images.map((image, index) => ({ b64_json: image.toString('base64'), size: `${index}x1` })),
    });
    const { text, values } = await extract(body, step);
    expect(values).toEqual(images);
    const parsed = JSON.parse(text) as { data: { b64_json: string; size: string }[] };
    expect(parsed.data.map((item) => ordinalOfPlaceholder(item.b64_json))).toEqual([0, 1, 2, 3]);
    expect(parsed.data.map((item) => item.size)).toEqual(['0x1', '1x1', '2x1', '3x1']);
  });

  it.each(steps)(
    'undoes escaped slashes, unicode escapes and wrapped lines (pieces of %i bytes)',
    async (step) => {
      const image = randomBytes(3000);
      const base64 = image.toString('base64');
      const escaped = base64
        .replace(/(.{76})/g, '$1\n')
        .replaceAll('\n', '\\n')
        .replaceAll('/', '\\/')
        .replaceAll('+', '\\u002b');
      const { values } = await extract(`{"data":[{"b64_json" : "${escaped}"}]}`, step);
      expect(values).toEqual([image]);
    },
  );

  it('passes through the field name when it is not a key with a string value', async () => {
    const body = JSON.stringify({
      note: 'say "b64_json": here',
      list: ['b64_json'],
      b64_json: null,
      url: 'x',
    });
    const { text, values } = await extract(body, 3);
    expect(text).toBe(body);
    expect(values).toEqual([]);
  });

  it('works inside server-sent events', async () => {
    const image = randomBytes(500);
    const event = `event: image_generation.partial_succeeded\ndata: {"type":"image_generation.partial_succeeded","image_index":0,"b64_json":"${image.toString('base64')}","size":"1x1"}\n\n`;
    const { text, values } = await extract(event, 11);
    expect(values).toEqual([image]);
    expect(text).toContain('"b64_json":"#0","size":"1x1"}\n\n');
  });

  it('says when the stream ends inside a value', async () => {
    const extractor = new Base64FieldExtractor({
      openValue: () => ({ write: () => undefined }),
      closeValue: () => undefined,
      text: () => undefined,
    });
    await extractor.push(Buffer.from('{"b64_json":"QUJD'));
    expect(extractor.inValue).toBe(true);
  });
});
