/** `fit` shows the whole image in its box; a number is the scale of the image's real pixels (1 = 100%). */
export type Zoom = 'fit' | number;

export interface Size {
  width: number;
  height: number;
}

/** A point of the image as fractions of its width and height: what stays put while zooming. */
export interface Centre {
  x: number;
  y: number;
}

export const middle: Centre = { x: 0.5, y: 0.5 };

const zoomSteps = [0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8] as const;
/** Past the last step (a tiny image already fits at more than 8x), each step doubles, up to this. */
const maxScale = 64;

/** The scale that shows all of `image` inside `box`, letterboxed: never cropped, whatever the shapes. */
export function fitScale(image: Size, box: Size): number {
  if (image.width <= 0 || image.height <= 0 || box.width <= 0 || box.height <= 0) return 1;
  return Math.min(box.width / image.width, box.height / image.height);
}

export function scaleOf(zoom: Zoom, fit: number): number {
  return zoom === 'fit' ? fit : zoom;
}

/** The next step in or out from the current scale; from fit, the step nearest beyond it. */
export function stepZoom(zoom: Zoom, direction: 1 | -1, fit: number): Zoom {
  const current = scaleOf(zoom, fit);
  const next =
    direction > 0
      ? (zoomSteps.find((step) => step > current + 0.001) ??
        (current * 2 <= maxScale ? current * 2 : undefined))
      : [...zoomSteps].reverse().find((step) => step < current - 0.001);
  if (next === undefined) return zoom;
  // Stepping out past the fitted size lands on fit, where the whole image shows.
  if (direction < 0 && next <= fit) return 'fit';
  return next;
}

/**
 * Where to scroll so that `centre` of content of `size` sits in the middle of a `viewport`. Content smaller
 * than the viewport is centred by layout and needs no scroll.
 */
export function scrollFor(size: Size, viewport: Size, centre: Centre): { left: number; top: number } {
  const clamp = (value: number, max: number) => Math.min(Math.max(0, value), Math.max(0, max));
  return {
    left: clamp(centre.x * size.width - viewport.width / 2, size.width - viewport.width),
    top: clamp(centre.y * size.height - viewport.height / 2, size.height - viewport.height),
  };
}

/** The image point in the middle of the viewport, from the scroll position. */
export function centreOf(size: Size, viewport: Size, scroll: { left: number; top: number }): Centre {
  const axis = (offset: number, length: number, view: number) =>
    length <= view ? 0.5 : Math.min(1, Math.max(0, (offset + view / 2) / length));
  return {
    x: axis(scroll.left, size.width, viewport.width),
    y: axis(scroll.top, size.height, viewport.height),
  };
}

/** The common scale that fits every image of a comparison into its own pane: all shown at the same scale. */
export function sharedFitScale(images: readonly Size[], pane: Size): number {
  if (images.length === 0) return 1;
  return Math.min(...images.map((image) => fitScale(image, pane)));
}
