import { AppFailure, appError } from '../../src-preload/contract/errors';
import type { EditDocument, TextLayer } from '../../src-preload/contract/edit';
import { effectiveCrop } from '../../src-preload/contract/edit-geometry';
import type { ImageCodec } from '../media/image-codec';
import { sharpInputOptions } from '../media/image-limits';

function refuse(message: string): AppFailure {
  return new AppFailure(appError('invalid-input', message, { field: 'edit' }));
}

async function checkedLayers(
  codec: ImageCodec,
  document: EditDocument,
  layers: readonly TextLayer[],
): Promise<{ input: Buffer; left: number; top: number }[]> {
  const texts = document.marks.filter((mark) => mark.kind === 'text').length;
  if (layers.length !== texts) {
    throw refuse(`The edit has ${texts} text marks but ${layers.length} text pictures came with it.`);
  }
  const { width, height } = document.baseSize;
  return Promise.all(
    layers.map(async (layer) => {
      const input = Buffer.from(layer.png.buffer, layer.png.byteOffset, layer.png.byteLength);
      const metadata = await codec
        .sharp(input, sharpInputOptions)
        .metadata()
        .catch(() => {
          throw refuse('A text mark’s picture could not be read.');
        });
      if (
        metadata.format !== 'png' ||
        layer.left + metadata.width > width ||
        layer.top + metadata.height > height
      ) {
        throw refuse('A text mark’s picture is not a PNG inside the base image.');
      }
      return { input, left: layer.left, top: layer.top };
    }),
  );
}

/**
 * Draws the marks onto a copy of the base at its full resolution, then crops, turns and flips it, and encodes
 * it as PNG (marks stay crisp; the reference checks convert it if it is too large). The base itself is never
 * changed. Each geometric step is its own pass because sharp orders operations its own way (flips before
 * turns), while the edit's order is crop, turn, flips, the same order `toOutput` maps points in.
 */
export async function flattenEdit(
  codec: ImageCodec,
  base: Buffer,
  document: EditDocument,
  svg: string,
  textLayers: readonly TextLayer[],
): Promise<Buffer> {
  // The base as shown on screen: turned upright by its EXIF orientation, as browsers draw it.
  const upright = await codec
    .sharp(base, sharpInputOptions)
    .rotate()
    .raw()
    .toBuffer({ resolveWithObject: true })
    .catch(() => {
      throw new AppFailure(appError('invalid-image', 'The base image could not be read; it may be damaged.'));
    });
  const { width, height } = document.baseSize;
  if (upright.info.width !== width || upright.info.height !== height) {
    throw refuse(
      `The edit was drawn on a ${width}x${height} image, but the base is ${upright.info.width}x${upright.info.height}.`,
    );
  }
  const layers = await checkedLayers(codec, document, textLayers);
  const marked = await codec
    .sharp(upright.data, { raw: rawShape(upright.info) })
    .composite([{ input: Buffer.from(svg), left: 0, top: 0 }, ...layers])
    .raw()
    .toBuffer({ resolveWithObject: true });
  const crop = effectiveCrop(document.baseSize, document.transform.crop);
  const cropped = await codec
    .sharp(marked.data, { raw: rawShape(marked.info) })
    .extract({ left: crop.x, top: crop.y, width: crop.width, height: crop.height })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { quarterTurns, flipHorizontal, flipVertical } = document.transform;
  const turned = await codec
    .sharp(cropped.data, { raw: rawShape(cropped.info) })
    .rotate(quarterTurns * 90)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return codec
    .sharp(turned.data, { raw: rawShape(turned.info) })
    .flop(flipHorizontal)
    .flip(flipVertical)
    .png()
    .toBuffer();
}

/** How sharp reads back the raw pixels of the pass before. */
function rawShape(info: { width: number; height: number; channels: 1 | 2 | 3 | 4 }) {
  return { width: info.width, height: info.height, channels: info.channels };
}
