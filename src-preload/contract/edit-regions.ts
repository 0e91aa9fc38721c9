import type { EditDocument, Region } from './edit';
import { outputSize, toOutput } from './edit-geometry';
import type { RegionTagFormat } from './models';

/**
 * Regions become tags in the prompt: a box or a point of the base, carried through the crop, turn and flips
 * to the image that is sent, then written as whole numbers from 0 to the format's scale (999) across that
 * image's width and height. The prompt names a region by a placeholder (`[[box 3]]`) so the numbers are
 * computed only when the edit is sent, from the shape as drawn: exact whatever the zoom, and right after a
 * later crop or turn.
 */

/** A coordinate of the sent image as the model reads it: rounded to the nearest step, clamped to the scale. */
export function normalizeCoordinate(value: number, extent: number, scale: number): number {
  const scaled = Math.round((value / extent) * scale);
  return Math.min(Math.max(scaled, 0), scale);
}

export interface RegionNumbers {
  kind: Region['kind'];
  /** `[x, y]` for a point, `[x1, y1, x2, y2]` (top-left, then bottom-right) for a box. */
  values: number[];
}

export function regionNumbers(
  region: Region,
  document: Pick<EditDocument, 'baseSize' | 'transform'>,
  scale: number,
): RegionNumbers {
  const { baseSize, transform } = document;
  const size = outputSize(baseSize, transform);
  const normalize = (point: { x: number; y: number }) => ({
    x: normalizeCoordinate(point.x, size.width, scale),
    y: normalizeCoordinate(point.y, size.height, scale),
  });
  if (region.kind === 'point') {
    const at = normalize(toOutput(region.at, baseSize, transform));
    return { kind: 'point', values: [at.x, at.y] };
  }
  // A turn or a flip can swap which corner is top-left, so the box is taken from both corners again.
  const a = normalize(toOutput(region.from, baseSize, transform));
  const b = normalize(toOutput(region.to, baseSize, transform));
  return {
    kind: 'box',
    values: [Math.min(a.x, b.x), Math.min(a.y, b.y), Math.max(a.x, b.x), Math.max(a.y, b.y)],
  };
}

/** The tag for one region in the model's format, e.g. `<bbox>120 80 640 512</bbox>`. */
export function regionTag(
  region: Region,
  document: Pick<EditDocument, 'baseSize' | 'transform'>,
  format: RegionTagFormat,
): string {
  const { values } = regionNumbers(region, document, format.scale);
  const names = region.kind === 'point' ? ['x', 'y'] : ['x1', 'y1', 'x2', 'y2'];
  const template = region.kind === 'point' ? format.point : format.box;
  return names.reduce(
    (text, name, index) => text.replaceAll(`{${name}}`, String(values[index] ?? 0)),
    template,
  );
}

/** What the prompt holds where a region's tag will go. */
export function regionPlaceholder(region: Pick<Region, 'kind' | 'id'>): string {
  return `[[${region.kind} ${region.id}]]`;
}

const placeholderPattern = /\[\[(box|point) (\d{1,3})\]\]/g;

/** The placeholders a prompt names, in order. */
export function placeholdersIn(prompt: string): { kind: Region['kind']; id: number }[] {
  return [...prompt.matchAll(placeholderPattern)].map((match) => ({
    kind: match[1] === 'point' ? 'point' : 'box',
    id: Number(match[2]),
  }));
}

export type ExpandedPrompt = { ok: true; prompt: string } | { ok: false; message: string };

/**
 * Replaces every placeholder with its region's tag. A placeholder without its region (deleted, or typed by
 * hand) is refused by name rather than sent as text the model would misread.
 */
export function expandRegionTags(
  prompt: string,
  document: Pick<EditDocument, 'baseSize' | 'transform' | 'regions'>,
  format: RegionTagFormat | null,
): ExpandedPrompt {
  const named = placeholdersIn(prompt);
  if (named.length === 0) return { ok: true, prompt };
  if (format === null) {
    return {
      ok: false,
      message:
        'This model does not read points and boxes in the prompt; choose a model that does or remove the regions from the prompt.',
    };
  }
  for (const placeholder of named) {
    const found = document.regions.find(
      (region) => region.id === placeholder.id && region.kind === placeholder.kind,
    );
    if (!found) {
      return {
        ok: false,
        message: `The prompt names ${placeholder.kind} ${placeholder.id}, which is not drawn on the image.`,
      };
    }
  }
  return {
    ok: true,
    prompt: prompt.replace(placeholderPattern, (_whole, kind: string, id: string) => {
      const region = document.regions.find(
        (candidate) => candidate.kind === kind && candidate.id === Number(id),
      );
      return region ? regionTag(region, document, format) : '';
    }),
  };
}
