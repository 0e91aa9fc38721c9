import type { EditDocument } from '../../src-preload/contract/edit';
import { markShapes, type ShapePrimitive } from '../../src-preload/contract/edit-shapes';

/** Every value written here is a number or a colour from the closed palette; nothing the user typed. */
function element(shape: ShapePrimitive): string {
  switch (shape.type) {
    case 'path':
      return shape.stroke === null
        ? `<path d="${shape.d}" fill="${shape.fill}"/>`
        : `<path d="${shape.d}" fill="${shape.fill}" stroke="${shape.stroke}" stroke-width="${shape.strokeWidth}" stroke-linecap="round" stroke-linejoin="round"/>`;
    case 'rect':
      return `<rect x="${shape.x}" y="${shape.y}" width="${shape.width}" height="${shape.height}" fill="none" stroke="${shape.stroke}" stroke-width="${shape.strokeWidth}" stroke-linejoin="round"/>`;
    case 'ellipse':
      return `<ellipse cx="${shape.cx}" cy="${shape.cy}" rx="${shape.rx}" ry="${shape.ry}" fill="none" stroke="${shape.stroke}" stroke-width="${shape.strokeWidth}"/>`;
    case 'text':
      // Text arrives as a picture drawn by the renderer with the fonts it showed (see flatten-edit.ts).
      return '';
  }
}

/**
 * The marks of an edit as one SVG the size of the base, one user unit per base pixel, for sharp to composite
 * onto the base at full resolution.
 */
export function marksSvg(document: Pick<EditDocument, 'baseSize' | 'marks'>): string {
  const { width, height } = document.baseSize;
  const body = document.marks
    .flatMap((mark) => markShapes(mark, document.baseSize))
    .map(element)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`;
}
