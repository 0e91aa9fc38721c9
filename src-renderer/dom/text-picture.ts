import type { EditDocument, TextLayer } from '../../src-preload/contract/edit';
import { textFontSize } from '../../src-preload/contract/edit-shapes';

/** The font text marks use on screen and in their pictures, so what is sent looks as it was drawn. */
export const markFont = '600 {size}px system-ui, "Segoe UI", "PingFang SC", "Noto Sans CJK SC", sans-serif';

export function markFontAt(size: number): string {
  return markFont.replace('{size}', String(size));
}

function pngBytes(canvas: HTMLCanvasElement): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) {
        reject(new Error('The text could not be drawn.'));
        return;
      }
      void blob.arrayBuffer().then((buffer) => {
        resolve(new Uint8Array(buffer));
      }, reject);
    }, 'image/png');
  });
}

/**
 * Each text mark drawn into a PNG with the fonts the screen showed, cut to the base's edges, for main to place
 * on the marked copy (libvips built for WebAssembly has no fonts to draw text itself).
 */
export async function textLayers(document: EditDocument): Promise<TextLayer[]> {
  const { width: baseWidth, height: baseHeight } = document.baseSize;
  const layers: TextLayer[] = [];
  for (const mark of document.marks) {
    if (mark.kind !== 'text') continue;
    const canvas = window.document.createElement('canvas');
    const context = canvas.getContext('2d');
    if (!context) throw new Error('The text could not be drawn.');
    const font = markFontAt(textFontSize(mark, document.baseSize));
    context.font = font;
    const metrics = context.measureText(mark.text);
    const ascent = Math.ceil(metrics.actualBoundingBoxAscent);
    const descent = Math.ceil(metrics.actualBoundingBoxDescent);
    const textLeft = Math.floor(mark.at.x - metrics.actualBoundingBoxLeft);
    const textTop = Math.floor(mark.at.y - ascent);
    const left = Math.min(Math.max(textLeft, 0), baseWidth - 1);
    const top = Math.min(Math.max(textTop, 0), baseHeight - 1);
    const right = Math.min(Math.ceil(mark.at.x + metrics.actualBoundingBoxRight), baseWidth);
    const bottom = Math.min(Math.ceil(mark.at.y + descent), baseHeight);
    canvas.width = Math.max(1, right - left);
    canvas.height = Math.max(1, bottom - top);
    // Resizing a canvas resets its state.
    context.font = font;
    context.fillStyle = mark.color;
    context.fillText(mark.text, mark.at.x - left, mark.at.y - top);
    layers.push({ left, top, png: await pngBytes(canvas) });
  }
  return layers;
}
