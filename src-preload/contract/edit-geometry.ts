import type { BaseTransform, Crop, EditPoint, ImageSize } from './edit';

/**
 * Where a point of the base lands in the image that is sent: cropped, turned clockwise by quarter turns, then
 * flipped. Pure, so the renderer (drawing on the turned view) and main (tags, flattening) agree exactly.
 */

/** The crop as it applies: whole pixels, inside the base, never empty. Null crop means the whole base. */
export function effectiveCrop(base: ImageSize, crop: Crop | null): Crop {
  if (crop === null) return { x: 0, y: 0, width: base.width, height: base.height };
  const x = Math.min(Math.max(Math.round(crop.x), 0), base.width - 1);
  const y = Math.min(Math.max(Math.round(crop.y), 0), base.height - 1);
  const width = Math.min(Math.max(Math.round(crop.width), 1), base.width - x);
  const height = Math.min(Math.max(Math.round(crop.height), 1), base.height - y);
  return { x, y, width, height };
}

/** The size of the image that is sent. */
export function outputSize(base: ImageSize, transform: BaseTransform): ImageSize {
  const crop = effectiveCrop(base, transform.crop);
  return transform.quarterTurns % 2 === 1
    ? { width: crop.height, height: crop.width }
    : { width: crop.width, height: crop.height };
}

/** A point of the base (pixel coordinates, edges at 0 and width) in the sent image's coordinates. */
export function toOutput(point: EditPoint, base: ImageSize, transform: BaseTransform): EditPoint {
  const crop = effectiveCrop(base, transform.crop);
  const u = point.x - crop.x;
  const v = point.y - crop.y;
  let turned: EditPoint;
  switch (transform.quarterTurns) {
    case 0:
      turned = { x: u, y: v };
      break;
    case 1:
      turned = { x: crop.height - v, y: u };
      break;
    case 2:
      turned = { x: crop.width - u, y: crop.height - v };
      break;
    case 3:
      turned = { x: v, y: crop.width - u };
      break;
  }
  const size = outputSize(base, transform);
  return {
    x: transform.flipHorizontal ? size.width - turned.x : turned.x,
    y: transform.flipVertical ? size.height - turned.y : turned.y,
  };
}

/** The inverse of `toOutput`: a point of the sent image (or the turned view of it) in base coordinates. */
export function fromOutput(point: EditPoint, base: ImageSize, transform: BaseTransform): EditPoint {
  const crop = effectiveCrop(base, transform.crop);
  const size = outputSize(base, transform);
  const x = transform.flipHorizontal ? size.width - point.x : point.x;
  const y = transform.flipVertical ? size.height - point.y : point.y;
  let local: EditPoint;
  switch (transform.quarterTurns) {
    case 0:
      local = { x, y };
      break;
    case 1:
      local = { x: y, y: crop.height - x };
      break;
    case 2:
      local = { x: crop.width - x, y: crop.height - y };
      break;
    case 3:
      local = { x: crop.width - y, y: x };
      break;
  }
  return { x: local.x + crop.x, y: local.y + crop.y };
}
