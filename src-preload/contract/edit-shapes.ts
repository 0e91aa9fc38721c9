import { getStroke } from 'perfect-freehand';
import { strokePixels, type EditPoint, type ImageSize, type Mark } from './edit';

/**
 * Marks as drawing primitives in base pixels. The Edit view renders these as SVG elements on screen and main
 * writes the same primitives into the SVG it composites onto the base at full resolution, so what is sent is
 * what was seen. Text is drawn from a picture the renderer makes with the fonts it showed (libvips built for
 * WebAssembly has no fonts), so here it only has its place and size.
 */
export type ShapePrimitive =
  | { type: 'path'; d: string; fill: string; stroke: string | null; strokeWidth: number }
  | { type: 'rect'; x: number; y: number; width: number; height: number; stroke: string; strokeWidth: number }
  | { type: 'ellipse'; cx: number; cy: number; rx: number; ry: number; stroke: string; strokeWidth: number }
  | { type: 'text'; x: number; y: number; text: string; fill: string; fontSize: number };

/** Font size of a text mark in base pixels: its width choice, scaled up to read as a label. */
export function textFontSize(mark: Extract<Mark, { kind: 'text' }>, base: ImageSize): number {
  return strokePixels(mark.width, base) * 6;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** An outline polygon as SVG path data, closed. */
function polygonPath(points: readonly (readonly number[])[]): string {
  const [first, ...rest] = points;
  if (!first) return '';
  const coordinates = (point: readonly number[]) => `${round(point[0] ?? 0)} ${round(point[1] ?? 0)}`;
  return `M ${coordinates(first)} ${rest.map((point) => `L ${coordinates(point)}`).join(' ')} Z`;
}

/**
 * A pen stroke through perfect-freehand: a filled outline that thins and tapers as a marker does, from the
 * same points on screen and in main.
 */
export function penOutline(points: readonly EditPoint[], size: number): string {
  const outline = getStroke(
    points.map((point) => [point.x, point.y]),
    { size, thinning: 0.4, smoothing: 0.5, streamline: 0.4, simulatePressure: false, last: true },
  );
  return polygonPath(outline);
}

/** An arrow: the shaft as a stroked line, the head as a filled triangle at `to`. */
function arrowPaths(from: EditPoint, to: EditPoint, width: number, color: string): ShapePrimitive[] {
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  const head = Math.min(Math.max(width * 4, 8), Math.max(length * 0.6, width));
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  const spread = Math.PI / 7;
  const left = { x: to.x - head * Math.cos(angle - spread), y: to.y - head * Math.sin(angle - spread) };
  const right = { x: to.x - head * Math.cos(angle + spread), y: to.y - head * Math.sin(angle + spread) };
  // The shaft stops inside the head so its square end never pokes out of the tip.
  const shaftEnd = { x: to.x - head * 0.7 * Math.cos(angle), y: to.y - head * 0.7 * Math.sin(angle) };
  return [
    {
      type: 'path',
      d: `M ${round(from.x)} ${round(from.y)} L ${round(shaftEnd.x)} ${round(shaftEnd.y)}`,
      fill: 'none',
      stroke: color,
      strokeWidth: width,
    },
    {
      type: 'path',
      d: polygonPath([
        [to.x, to.y],
        [left.x, left.y],
        [right.x, right.y],
      ]),
      fill: color,
      stroke: null,
      strokeWidth: 0,
    },
  ];
}

/** The primitives of one mark, in base pixels. */
export function markShapes(mark: Mark, base: ImageSize): ShapePrimitive[] {
  const width = strokePixels(mark.width, base);
  switch (mark.kind) {
    case 'pen':
      return [
        { type: 'path', d: penOutline(mark.points, width), fill: mark.color, stroke: null, strokeWidth: 0 },
      ];
    case 'arrow':
      return arrowPaths(mark.from, mark.to, width, mark.color);
    case 'rectangle':
      return [
        {
          type: 'rect',
          x: round(Math.min(mark.from.x, mark.to.x)),
          y: round(Math.min(mark.from.y, mark.to.y)),
          width: round(Math.abs(mark.to.x - mark.from.x)),
          height: round(Math.abs(mark.to.y - mark.from.y)),
          stroke: mark.color,
          strokeWidth: width,
        },
      ];
    case 'ellipse':
      return [
        {
          type: 'ellipse',
          cx: round((mark.from.x + mark.to.x) / 2),
          cy: round((mark.from.y + mark.to.y) / 2),
          rx: round(Math.abs(mark.to.x - mark.from.x) / 2),
          ry: round(Math.abs(mark.to.y - mark.from.y) / 2),
          stroke: mark.color,
          strokeWidth: width,
        },
      ];
    case 'text':
      return [
        {
          type: 'text',
          x: round(mark.at.x),
          y: round(mark.at.y),
          text: mark.text,
          fill: mark.color,
          fontSize: textFontSize(mark, base),
        },
      ];
  }
}
