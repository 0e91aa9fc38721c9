import { describe, expect, it } from 'vitest';
import {
  emptyEditDocument,
  type BaseTransform,
  type EditDocument,
  type Mark,
  type TextLayer,
} from '../../src-preload/contract/edit';
import { outputSize, toOutput } from '../../src-preload/contract/edit-geometry';
import { flattenEdit } from '../../src-main/edit/flatten-edit';
import { marksSvg } from '../../src-main/edit/marks-svg';
import { prepareReference } from '../../src-main/generation/references';
import { loadImageCodec, type ImageCodec } from '../../src-main/media/image-codec';

const native = loadImageCodec('native');
const base = { width: 300, height: 200 };
const grey = { r: 128, g: 128, b: 128 };

async function greyBase(codec: ImageCodec = native): Promise<Buffer> {
  return codec
    .sharp({ create: { ...base, channels: 3, background: grey } })
    .png()
    .toBuffer();
}

const rectangle: Mark = {
  kind: 'rectangle',
  from: { x: 50, y: 50 },
  to: { x: 150, y: 120 },
  color: '#ff3b30',
  width: 'thick',
};

function edit(marks: Mark[], transform: Partial<BaseTransform> = {}): EditDocument {
  const empty = emptyEditDocument(base);
  return { ...empty, marks, transform: { ...empty.transform, ...transform } };
}

async function flatten(document: EditDocument, layers: TextLayer[] = [], codec = native) {
  const png = await flattenEdit(codec, await greyBase(codec), document, marksSvg(document), layers);
  const { data, info } = await native.sharp(png).raw().toBuffer({ resolveWithObject: true });
  const pixel = (x: number, y: number) => {
    const at = (Math.floor(y) * info.width + Math.floor(x)) * info.channels;
    return [data[at], data[at + 1], data[at + 2]];
  };
  return { png, info, pixel };
}

/**
 * A text mark's picture as the renderer's canvas makes it: the glyphs in the mark's colour with smoothed edges,
 * transparent around and between them. Drawn from outlines ("T" and "o"), since Node has no canvas and
 * a font's shapes would depend on the machine's fonts.
 */
async function glyphPicture() {
  const width = 64;
  const height = 40;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <path d="M2 2 H30 V9 H19.5 V38 H12.5 V9 H2 Z" fill="#ff3b30"/>
    <path d="M47 14 a13 12 0 1 0 0.01 0 Z M47 20.5 a6.5 6 0 1 1 -0.01 0 Z" fill="#ff3b30" fill-rule="evenodd"/>
  </svg>`;
  const png = await native.sharp(Buffer.from(svg)).png().toBuffer();
  const { data } = await native.sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const alpha = (x: number, y: number) =>
    x < 0 || y < 0 || x >= width || y >= height ? 0 : (data[(y * width + x) * 4 + 3] ?? 0);
  return { png: new Uint8Array(png), width, height, alpha };
}

const isRed = (rgb: (number | undefined)[]) => (rgb[0] ?? 0) > 200 && (rgb[1] ?? 255) < 100;
const isGrey = (rgb: (number | undefined)[]) => rgb.every((value) => value === 128);

describe('flattening an edit in main', () => {
  it('changes the pixels under a rectangle’s stroke and none far from it', async () => {
    const { pixel, info } = await flatten(edit([rectangle]));
    expect([info.width, info.height]).toEqual([300, 200]);
    for (const [x, y] of [
      [50, 85],
      [150, 85],
      [100, 50],
      [100, 120],
    ] as const) {
      expect(isRed(pixel(x, y)), `${x},${y}`).toBe(true);
    }
    for (const [x, y] of [
      [100, 85],
      [250, 180],
      [10, 10],
      [299, 199],
    ] as const) {
      expect(isGrey(pixel(x, y)), `${x},${y}`).toBe(true);
    }
  });

  it('draws every kind of mark', async () => {
    const marks: Mark[] = [
      {
        kind: 'pen',
        points: Array.from({ length: 17 }, (_, index) => ({ x: 20 + index * 5, y: 150 })),
        color: '#ff3b30',
        width: 'thick',
      },
      { kind: 'arrow', from: { x: 200, y: 20 }, to: { x: 280, y: 20 }, color: '#ff3b30', width: 'thick' },
      { kind: 'ellipse', from: { x: 200, y: 100 }, to: { x: 280, y: 180 }, color: '#ff3b30', width: 'thick' },
    ];
    const { pixel } = await flatten(edit(marks));
    expect(isRed(pixel(60, 150))).toBe(true);
    expect(isGrey(pixel(60, 170))).toBe(true);
    expect(isRed(pixel(240, 20))).toBe(true);
    expect(isRed(pixel(200, 140))).toBe(true);
    expect(isGrey(pixel(240, 140))).toBe(true);
  });

  it('crops, turns and flips the marked copy as the geometry maps points', async () => {
    const document = edit([rectangle], {
      crop: { x: 20, y: 10, width: 250, height: 180 },
      quarterTurns: 1,
      flipHorizontal: true,
    });
    const { pixel, info } = await flatten(document);
    expect({ width: info.width, height: info.height }).toEqual(outputSize(base, document.transform));
    const onStroke = toOutput({ x: 50, y: 85 }, base, document.transform);
    const inside = toOutput({ x: 100, y: 85 }, base, document.transform);
    expect(isRed(pixel(onStroke.x, onStroke.y))).toBe(true);
    expect(isGrey(pixel(inside.x, inside.y))).toBe(true);
  });

  it('places a text mark from the picture the renderer drew', async () => {
    const text: Mark = { kind: 'text', at: { x: 10, y: 40 }, text: 'sky', color: '#ff3b30', width: 'thin' };
    const picture = await native
      .sharp({ create: { width: 30, height: 20, channels: 4, background: { r: 255, g: 0, b: 0, alpha: 1 } } })
      .png()
      .toBuffer();
    const { pixel } = await flatten(edit([text]), [{ left: 10, top: 20, png: picture }]);
    expect(isRed(pixel(15, 25))).toBe(true);
    expect(isGrey(pixel(45, 25))).toBe(true);
    await expect(flatten(edit([text]))).rejects.toThrow(
      'The edit has 1 text marks but 0 text pictures came with it.',
    );
    await expect(flatten(edit([text]), [{ left: 290, top: 20, png: picture }])).rejects.toThrow(
      'not a PNG inside the base image',
    );
  });

  it.each(['native', 'wasm'] as const)(
    'draws a text mark’s glyphs where they are and leaves every other pixel alone (%s codec)',
    async (build) => {
      const codec = build === 'native' ? native : loadImageCodec('wasm');
      const text: Mark = {
        kind: 'text',
        at: { x: 40, y: 100 },
        text: 'To',
        color: '#ff3b30',
        width: 'medium',
      };
      const layer = { left: 40, top: 70, ...(await glyphPicture()) };
      const { pixel, info } = await flatten(edit([text]), [layer], codec);
      const counts = { glyph: 0, between: 0 };
      const wrong: string[] = [];
      const inBox = (x: number, y: number) =>
        x >= layer.left && y >= layer.top && x < layer.left + layer.width && y < layer.top + layer.height;
      for (let y = 0; y < info.height; y += 1) {
        for (let x = 0; x < info.width; x += 1) {
          const alpha = layer.alpha(x - layer.left, y - layer.top);
          const [red = 0, green = 0, blue = 0] = pixel(x, y);
          if (alpha === 255) {
            counts.glyph += 1;
            if (red !== 255 || green !== 59 || blue !== 48)
              wrong.push(`glyph ${x},${y}: ${red},${green},${blue}`);
          } else if (alpha === 0) {
            // Between the glyphs, inside the picture's box, as far from it: the base as it was.
            if (inBox(x, y)) counts.between += 1;
            if (!isGrey([red, green, blue])) wrong.push(`base ${x},${y}: ${red},${green},${blue}`);
          } else if (red < 128 || green > 128) {
            // A glyph's smoothed edge lies between the base and the mark's colour.
            wrong.push(`edge ${x},${y}: ${red},${green},${blue}`);
          }
        }
      }
      expect(wrong).toEqual([]);
      expect(counts.glyph).toBeGreaterThan(200);
      expect(counts.between).toBeGreaterThan(200);
    },
  );

  it('refuses an edit drawn on an image of another size', async () => {
    const document = { ...edit([rectangle]), baseSize: { width: 200, height: 300 } };
    await expect(flattenEdit(native, await greyBase(), document, marksSvg(document), [])).rejects.toThrow(
      'The edit was drawn on a 200x300 image, but the base is 300x200.',
    );
  });

  it('gives a copy that passes the reference checks as it is', async () => {
    const { png } = await flatten(edit([rectangle]));
    const prepared = await prepareReference(native, png);
    expect(prepared.notice).toBeNull();
    expect(prepared.format).toBe('png');
  });

  it('gives the same picture with the WebAssembly codec that Electron on Linux uses', async () => {
    const wasm = loadImageCodec('wasm');
    const fromWasm = await flatten(edit([rectangle], { quarterTurns: 2 }), [], wasm);
    const fromNative = await flatten(edit([rectangle], { quarterTurns: 2 }));
    const a = await native.sharp(fromWasm.png).raw().toBuffer();
    const b = await native.sharp(fromNative.png).raw().toBuffer();
    let largest = 0;
    for (let index = 0; index < a.length; index += 1) {
      largest = Math.max(largest, Math.abs((a[index] ?? 0) - (b[index] ?? 0)));
    }
    // Edges are smoothed a shade differently (the two libvips builds are compiled apart); nothing moves.
    expect(largest).toBeLessThanOrEqual(16);
    expect(isRed(fromWasm.pixel(150, 85))).toBe(true);
    expect(isGrey(fromWasm.pixel(200, 115))).toBe(true);
  });
});
