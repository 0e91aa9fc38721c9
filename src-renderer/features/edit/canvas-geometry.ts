import type { BaseTransform, Crop, EditPoint, ImageSize } from '../../../src-preload/contract/edit';
import { fromOutput, toOutput } from '../../../src-preload/contract/edit-geometry';

/**
 * The canvas shows the image as it will be sent (cropped, turned, flipped) while marks live in base pixels.
 * These turn one into the other: an SVG matrix for drawing, and pointer positions back to base pixels.
 */

/** `matrix(a b c d e f)` taking base pixels to the sent image's pixels, from where three points land. */
export function baseToOutputMatrix(base: ImageSize, transform: BaseTransform): string {
  const origin = toOutput({ x: 0, y: 0 }, base, transform);
  const xAxis = toOutput({ x: 1, y: 0 }, base, transform);
  const yAxis = toOutput({ x: 0, y: 1 }, base, transform);
  const values = [
    xAxis.x - origin.x,
    xAxis.y - origin.y,
    yAxis.x - origin.x,
    yAxis.y - origin.y,
    origin.x,
    origin.y,
  ];
  return `matrix(${values.map((value) => String(Math.round(value * 1e6) / 1e6)).join(' ')})`;
}

export interface ScreenBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where a pointer is on the base, in base pixels, from where it is on the drawn canvas (any zoom). */
export function pointerToBase(
  client: { x: number; y: number },
  box: ScreenBox,
  output: ImageSize,
  base: ImageSize,
  transform: BaseTransform,
): EditPoint {
  const onOutput = {
    x: ((client.x - box.left) / box.width) * output.width,
    y: ((client.y - box.top) / box.height) * output.height,
  };
  const onBase = fromOutput(onOutput, base, transform);
  // A hundredth of a pixel is finer than any pointer; rounding keeps the stored shapes free of float noise.
  return { x: Math.round(onBase.x * 100) / 100, y: Math.round(onBase.y * 100) / 100 };
}

/** Where a base point shows on the drawn canvas, in screen pixels from the canvas's top-left corner. */
export function baseToScreen(
  point: EditPoint,
  box: ScreenBox,
  output: ImageSize,
  base: ImageSize,
  transform: BaseTransform,
): EditPoint {
  const onOutput = toOutput(point, base, transform);
  return { x: (onOutput.x / output.width) * box.width, y: (onOutput.y / output.height) * box.height };
}

/** The smallest crop side, in base pixels: the API refuses sides under 15 pixels. */
export const minCropSide = 16;

/** A crop dragged between two base points: whole pixels inside the base, or null when too small. */
export function cropFromDrag(a: EditPoint, b: EditPoint, base: ImageSize): Crop | null {
  const clampX = (value: number) => Math.min(Math.max(Math.round(value), 0), base.width);
  const clampY = (value: number) => Math.min(Math.max(Math.round(value), 0), base.height);
  const x1 = clampX(Math.min(a.x, b.x));
  const x2 = clampX(Math.max(a.x, b.x));
  const y1 = clampY(Math.min(a.y, b.y));
  const y2 = clampY(Math.max(a.y, b.y));
  if (x2 - x1 < minCropSide || y2 - y1 < minCropSide) return null;
  return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}

/** The transform turned a quarter clockwise (1) or anticlockwise (-1) as seen, keeping the flips as seen. */
export function turned(transform: BaseTransform, direction: 1 | -1): BaseTransform {
  // A flip is applied after the turn; with exactly one flip, turning the view one way turns the base the other.
  const mirrored = transform.flipHorizontal !== transform.flipVertical;
  const step = mirrored ? -direction : direction;
  const quarterTurns = (((transform.quarterTurns + step) % 4) + 4) % 4;
  return { ...transform, quarterTurns: quarterTurns as BaseTransform['quarterTurns'] };
}
